package com.agencyhub.notifications;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded notification with its deliveries, as the agency reads them. */
public record Notification(UUID id, UserId recipient, BrandId brand, NotificationTopic topic, String subject,
                           String text, String reason, NewNotification.Reference refersTo, Instant createdAt,
                           List<Delivery> deliveries) {

    public Notification {
        deliveries = List.copyOf(deliveries);
    }

    public Notification withDeliveries(List<Delivery> all) {
        return new Notification(id, recipient, brand, topic, subject, text, reason, refersTo, createdAt, all);
    }

    /**
     * One way the notification goes out. {@code target}: the e-mail address, or the webhook's name with a preview of
     * its URL. {@code nextAttemptAt} is null unless {@link Status#PENDING}.
     */
    public record Delivery(UUID id, Channel channel, String target, Status status, int attempts, Instant nextAttemptAt,
                           Instant sentAt, String lastError) {

        public enum Channel {
            EMAIL, WEBHOOK
        }

        public enum Status {
            PENDING, SENT, FAILED
        }
    }
}
