package com.agencyhub.inbox.web;

import com.agencyhub.api.InboxWebhooksApi;
import com.agencyhub.api.model.InboxWebhookDto;
import com.agencyhub.api.model.InboxWebhookSecretDto;
import com.agencyhub.api.model.IngestBatchResultDto;
import com.agencyhub.api.model.InteractionBatchInputDto;
import com.agencyhub.inbox.InboxProperties;
import com.agencyhub.inbox.InboxWebhooks;
import com.agencyhub.inbox.InteractionIngest;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * The signed webhook: admins read and rotate it with a bearer token; tools deliver without one, the signature checked
 * by {@link SignedWebhookFilter} before the body is read (a security chain of its own admits them, see
 * SecurityConfiguration).
 */
@RestController
class InboxWebhooksController implements InboxWebhooksApi {

    private final InboxWebhooks webhooks;
    private final InteractionIngest ingest;
    private final InboxProperties properties;

    InboxWebhooksController(InboxWebhooks webhooks, InteractionIngest ingest, InboxProperties properties) {
        this.webhooks = webhooks;
        this.ingest = ingest;
        this.properties = properties;
    }

    @Override
    public Mono<ResponseEntity<InboxWebhookDto>> getInboxWebhook(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> webhooks.get(actor, new BrandId(brandId)))
                .map(webhook -> ResponseEntity.ok(new InboxWebhookDto(webhook.id(), webhook.brand().value(),
                        properties.webhookUrl(webhook.id()), InboxDtos.utc(webhook.rotatedAt()),
                        webhook.rotatedBy().value(), InboxDtos.utc(webhook.previousValidUntil()))));
    }

    @Override
    public Mono<ResponseEntity<InboxWebhookSecretDto>> rotateInboxWebhook(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> webhooks.rotate(actor, new BrandId(brandId)))
                .map(rotated -> {
                    InboxWebhooks.Webhook webhook = rotated.webhook();
                    return ResponseEntity.ok(new InboxWebhookSecretDto(webhook.id(), webhook.brand().value(),
                            properties.webhookUrl(webhook.id()), InboxDtos.utc(webhook.rotatedAt()),
                            webhook.rotatedBy().value(), InboxDtos.utc(webhook.previousValidUntil()),
                            rotated.secret()));
                });
    }

    @Override
    public Mono<ResponseEntity<IngestBatchResultDto>> receiveInboxWebhook(UUID webhookId, String timestamp,
                                                                          String signature,
                                                                          Mono<InteractionBatchInputDto> body,
                                                                          ServerWebExchange exchange) {
        InboxWebhooks.Target target = exchange.getRequiredAttribute(SignedWebhookFilter.TARGET);
        return body.flatMap(delivery -> ingest.ingestDelivered(target.tenant(), target.brand(),
                        InboxRequests.items("items", delivery.getItems())))
                .map(result -> ResponseEntity.ok(InboxDtos.batch(result)));
    }
}
