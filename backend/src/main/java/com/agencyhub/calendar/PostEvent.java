package com.agencyhub.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in a post's history: what was done ({@code created}, {@code updated}, a workflow action, {@code published},
 * {@code publish_failed}), the status before and after, the content version it concerned, who did it and what they
 * said. {@code clientVisible}: whether client users of the brand may read the comment.
 */
public record PostEvent(UUID id, String action, PostStatus from, PostStatus to, int contentVersion, UUID actorId,
                        boolean byClient, String actorName, String comment, boolean clientVisible, Instant at) {

    /** The event as a client user may see it: internal comments left out. */
    public PostEvent forClient() {
        return clientVisible ? this : new PostEvent(id, action, from, to, contentVersion, actorId, byClient, actorName,
                null, false, at);
    }
}
