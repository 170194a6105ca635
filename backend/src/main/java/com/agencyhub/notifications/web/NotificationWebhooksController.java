package com.agencyhub.notifications.web;

import com.agencyhub.api.NotificationWebhooksApi;
import com.agencyhub.api.model.NotificationTopicDto;
import com.agencyhub.api.model.NotificationWebhookCreateDto;
import com.agencyhub.api.model.NotificationWebhookDto;
import com.agencyhub.api.model.NotificationWebhookListDto;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.NotificationWebhook;
import com.agencyhub.notifications.NotificationWebhooks;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The agency's incoming webhooks; admins only (see security). */
@RestController
class NotificationWebhooksController implements NotificationWebhooksApi {

    private final NotificationWebhooks webhooks;

    NotificationWebhooksController(NotificationWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public Mono<ResponseEntity<NotificationWebhookListDto>> listNotificationWebhooks(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(webhooks::list)
                .map(all -> ResponseEntity.ok(new NotificationWebhookListDto(all.stream()
                        .map(NotificationWebhooksController::dto).toList())));
    }

    @Override
    public Mono<ResponseEntity<NotificationWebhookDto>> createNotificationWebhook(Mono<NotificationWebhookCreateDto> body,
                                                                                  ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    NotificationWebhookCreateDto create = request.getT1();
                    if (create.getName().isBlank()) {
                        throw ApiProblem.invalidField("name", "must not be blank", "blank");
                    }
                    Set<NotificationTopic> topics = create.getTopics().stream()
                            .map(topic -> Slugs.parse(NotificationTopic.class, topic.getValue()))
                            .collect(Collectors.toSet());
                    return webhooks.create(request.getT2(), create.getName(), create.getUrl(), topics);
                })
                .map(created -> ResponseEntity.created(URI.create(NotificationWebhooksApi.PATH_DELETE_NOTIFICATION_WEBHOOK
                                .replace("{notificationWebhookId}", created.id().toString())))
                        .body(dto(created)));
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteNotificationWebhook(UUID notificationWebhookId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> webhooks.delete(actor, notificationWebhookId))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    private static NotificationWebhookDto dto(NotificationWebhook webhook) {
        return new NotificationWebhookDto(webhook.id(), webhook.name(), webhook.urlPreview(),
                webhook.topics().stream().map(topic -> NotificationTopicDto.fromValue(Slugs.of(topic))).sorted()
                        .toList(),
                webhook.createdBy().value(), NotificationsController.utc(webhook.createdAt()));
    }
}
