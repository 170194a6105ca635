package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaPolicy;

import java.time.Instant;

/**
 * What became of one reported item: stored by this request ({@code created}) or found already there, with what was
 * pinned at its arrival; the SLA fields are null when no guidelines were published (no clock runs).
 */
public record IngestedItem(InteractionId id, String channel, String externalId, boolean created,
                           SlaPolicy.Priority priority, PrioritySource prioritySource, WindowClass windowClass,
                           Integer guidelinesVersion, Integer strategyVersion, Instant firstResponseDueAt,
                           Instant resolutionDueAt) {

    IngestedItem asExisting() {
        return new IngestedItem(id, channel, externalId, false, priority, prioritySource, windowClass,
                guidelinesVersion, strategyVersion, firstResponseDueAt, resolutionDueAt);
    }
}
