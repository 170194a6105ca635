package com.agencyhub.notifications.internal;

import com.agencyhub.notifications.NotificationsProperties;
import io.netty.channel.ChannelOption;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.util.Map;

/**
 * Posts a delivery to an incoming webhook as {@code {"text": …}}, which Slack and Microsoft Teams accept as it is.
 * Any 2xx answer counts as delivered; redirects are not followed, and only public addresses are connected to (see
 * {@link PublicAddresses}). The delivery's id travels in a header, so a
 * receiver can tell the rare second copy.
 */
@Component
public class WebhookSender {

    private final WebClient client;
    private final NotificationsProperties properties;

    WebhookSender(NotificationsProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.sendTimeout().toMillis())
                .responseTimeout(properties.sendTimeout())
                .followRedirect(false);
        if (!properties.allowPrivateWebhookTargets()) {
            http = http.resolver(PublicAddressResolverGroup.INSTANCE);
        }
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    public Mono<Void> send(ClaimedDelivery delivery) {
        if (delivery.webhookUrl() == null) {
            return Mono.error(new IllegalStateException("the webhook was removed"));
        }
        if (!properties.allowPrivateWebhookTargets()
                && PublicAddresses.isPrivateLiteral(URI.create(delivery.webhookUrl()).getHost())) {
            // address literals are never resolved, so the resolver's check does not see them
            return Mono.error(PublicAddresses.noPublicAddress(URI.create(delivery.webhookUrl()).getHost()));
        }
        String text = "*" + delivery.subject() + "*\n" + delivery.text() + "\n_" + delivery.reason() + "_";
        return client.post().uri(delivery.webhookUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .header(EmailSender.DELIVERY_HEADER, delivery.id().toString())
                .bodyValue(Map.of("text", text))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : response.releaseBody().then(Mono.error(new IllegalStateException(
                                "HTTP " + response.statusCode().value() + " from the receiver"))))
                .timeout(properties.sendTimeout());
    }
}
