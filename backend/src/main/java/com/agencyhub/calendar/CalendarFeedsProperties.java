package com.agencyhub.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * @param publicUrl where calendar apps reach this API (scheme, host, port, path prefix if any): a feed's URL is
 *                  {@code <publicUrl>/v1/feeds/<secret>.ics}
 * @param webAppUrl the web front end: each event of a feed links to {@code <webAppUrl>/posts/<postId>}
 */
@ConfigurationProperties("agencyhub.calendar-feeds")
public record CalendarFeedsProperties(@DefaultValue("http://localhost:8080") URI publicUrl,
                                      @DefaultValue("http://localhost:5173") URI webAppUrl) {

    /** The address of a feed with this secret. */
    public URI feedUrl(String secret) {
        return URI.create(base(publicUrl) + "/v1/feeds/" + secret + ".ics");
    }

    /** The web app's page of a post. */
    public URI postUrl(PostId post) {
        return URI.create(base(webAppUrl) + "/posts/" + post);
    }

    private static String base(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
