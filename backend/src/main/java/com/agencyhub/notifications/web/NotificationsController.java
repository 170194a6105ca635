package com.agencyhub.notifications.web;

import com.agencyhub.api.NotificationsApi;
import com.agencyhub.api.model.NotificationDeliveryDto;
import com.agencyhub.api.model.NotificationDto;
import com.agencyhub.api.model.NotificationPageDto;
import com.agencyhub.api.model.NotificationReferenceDto;
import com.agencyhub.api.model.NotificationTopicDto;
import com.agencyhub.notifications.Notification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Who was notified of what, and how the deliveries went; staff only (see security and {@link Notifications}). */
@RestController
class NotificationsController implements NotificationsApi {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Mono<ResponseEntity<NotificationPageDto>> listNotifications(UUID recipientId, UUID brandId,
                                                                       NotificationTopicDto topic, Integer limit,
                                                                       String cursor, ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> notifications.list(actor, recipientId == null ? null : new UserId(recipientId),
                        brandId == null ? null : new BrandId(brandId),
                        topic == null ? null : Slugs.parse(NotificationTopic.class, topic.getValue()), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new NotificationPageDto(page.map(NotificationsController::dto).items(),
                        page.nextCursor())));
    }

    static NotificationDto dto(Notification notification) {
        return new NotificationDto(notification.id(), notification.recipient().value(),
                notification.brand() == null ? null : notification.brand().value(),
                NotificationTopicDto.fromValue(Slugs.of(notification.topic())), notification.subject(),
                notification.text(), notification.reason(),
                new NotificationReferenceDto(NotificationReferenceDto.TypeEnum.fromValue(
                        Slugs.of(notification.refersTo().type())), notification.refersTo().id()),
                utc(notification.createdAt()),
                notification.deliveries().stream().map(NotificationsController::dto).toList());
    }

    private static NotificationDeliveryDto dto(Notification.Delivery delivery) {
        return new NotificationDeliveryDto(delivery.id(),
                NotificationDeliveryDto.ChannelEnum.fromValue(Slugs.of(delivery.channel())), delivery.target(),
                NotificationDeliveryDto.StatusEnum.fromValue(Slugs.of(delivery.status())), delivery.attempts(),
                utc(delivery.nextAttemptAt()), utc(delivery.sentAt()), delivery.lastError());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
