package com.agencyhub.notifications;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification to enqueue: for whom, about which brand (null: none), the topic, what it says, why this recipient
 * gets it, and what it refers to. {@code byEmail}: also send it to the recipient's e-mail address (otherwise it is
 * only recorded, to be read in the app). The agency's webhooks subscribed to the topic get it either way.
 */
public record NewNotification(UserId recipient, BrandId brand, NotificationTopic topic, String subject, String text,
                              String reason, Reference refersTo, boolean byEmail) {

    /** What a notification is about: an interaction of the inbox, a roster change, a brand's contract. */
    public record Reference(Type type, UUID id) {

        public enum Type {
            INTERACTION, ROSTER_CHANGE, CONTRACT
        }

        public Reference {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }

    public NewNotification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refersTo, "refersTo");
    }

    /** Notifications that tell the same thing to several people are posted to a webhook once. */
    boolean sameNewsAs(NewNotification other) {
        return topic == other.topic && refersTo.equals(other.refersTo) && subject.equals(other.subject);
    }
}
