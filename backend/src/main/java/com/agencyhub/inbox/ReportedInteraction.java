package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;

import java.time.Instant;

/**
 * One incoming item as a tool reports it, checked by the web layer. {@code priority} and {@code sentiment} may be
 * null; {@code text} is never null (empty when the item has none).
 */
public record ReportedInteraction(String channel, String externalId, InteractionKind kind, String authorHandle,
                                  String text, String link, Instant receivedAt, SlaPolicy.Priority priority,
                                  Sentiment sentiment) {

    /** The key a redelivery shares with the first delivery, within a brand. */
    public record Key(String channel, String externalId) {
    }

    public Key key() {
        return new Key(channel, externalId);
    }
}
