package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;

/**
 * One stored interaction: what arrived, what was pinned at arrival ({@code sla}, null when no guidelines were
 * published then) and where its lifecycle stands. {@code version} counts its changes (its ETag).
 */
public record Interaction(InteractionId id, BrandId brand, String channel, String externalId, InteractionKind kind,
                          String authorHandle, String text, String link, Sentiment sentiment, Instant receivedAt,
                          Instant ingestedAt, SlaPolicy.Priority priority, PrioritySource prioritySource,
                          WindowClass windowClass, PinnedSla sla, InteractionStatus status, UserId assignee,
                          FirstResponse firstResponse, Resolution resolution, int reopenCount, Instant reopenedAt,
                          Instant waitingSince, Instant resumedAt, int version) {

    /**
     * The SLA in force at arrival: the guidelines version and its policy's clock and targets, the strategy version
     * whose coverage windows a business clock counts in (null for a calendar clock), and the due times. The
     * resolution's due time moves after a reopen and a resumption (docs/inbox.md); everything else never changes.
     */
    public record PinnedSla(int guidelinesVersion, Integer strategyVersion, SlaPolicy.Clock clock,
                            int firstResponseTargetMinutes, int resolutionTargetMinutes, Instant firstResponseDueAt,
                            Instant resolutionDueAt) {
    }

    /** The first reply, and how long it took from arrival on each clock (business null without a pinned SLA). */
    public record FirstResponse(Instant at, UserId by, String channel, int seconds, Integer businessSeconds) {
    }

    /**
     * The resolution (null fields while unresolved) and the open time banked before the last reopen or waiting: the
     * resolution durations add up the stretches the clock ran only.
     */
    public record Resolution(Instant at, UserId by, Integer seconds, Integer businessSeconds, int bankedSeconds,
                             int bankedBusinessSeconds) {
    }

    /** Since when the resolution clock runs (unless waiting): the arrival, or the later of the last reopen and resumption. */
    public Instant openSince() {
        if (resumedAt != null && (reopenedAt == null || resumedAt.isAfter(reopenedAt))) {
            return resumedAt;
        }
        return reopenedAt == null ? receivedAt : reopenedAt;
    }
}
