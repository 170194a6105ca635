package com.agencyhub.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.UUID;

/**
 * @param publicUrl where tools reach this API (scheme, host, port, path prefix if any): a webhook's URL is
 *                  {@code <publicUrl>/v1/inbox-webhooks/<id>}
 */
@ConfigurationProperties("agencyhub.inbox")
public record InboxProperties(@DefaultValue("http://localhost:8080") URI publicUrl) {

    public URI webhookUrl(UUID webhook) {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v1/inbox-webhooks/" + webhook);
    }
}
