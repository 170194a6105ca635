package com.agencyhub.inbox;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing that happened to an interaction: a lifecycle event, or a metric event of one of its clocks
 * ({@code metric} set). Append-only.
 */
public record InteractionEvent(UUID id, InteractionId interaction, Type type, Metric metric, Instant at, UserId actor,
                               EventSource source, String channel, Map<String, Object> detail) {

    public enum Type {
        RECEIVED, ASSIGNED, REPLIED, RESOLVED, REOPENED, ACTIVATED, PAUSED, FULFILLED, BREACHED, ESCALATED
    }

    public enum Metric {
        FIRST_RESPONSE, RESOLUTION
    }

    public InteractionEvent {
        // a copy that keeps JSON nulls (an escalation's detail may hold them), which Map.copyOf refuses
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public static InteractionEvent of(InteractionId interaction, Type type, Metric metric, Instant at, UserId actor,
                                      EventSource source, String channel, Map<String, ?> detail) {
        return new InteractionEvent(UUID.randomUUID(), interaction, type, metric, at, actor, source, channel,
                new LinkedHashMap<String, Object>(detail));
    }

    /** The metric event of a stopped clock: fulfilled in time, breached after its due time. */
    public static InteractionEvent stopped(InteractionId interaction, Metric metric, Instant at, Instant due,
                                           UserId actor) {
        return of(interaction, ClockState.of(due, at, at) == ClockState.BREACHED ? Type.BREACHED : Type.FULFILLED,
                metric, at, actor, EventSource.SYSTEM, null, Map.of("dueAt", due.toString()));
    }
}
