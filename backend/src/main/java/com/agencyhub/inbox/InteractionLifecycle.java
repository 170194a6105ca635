package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle rules of an interaction, without I/O: a reply (the first one stops the first-response clock), a
 * resolution, a reopen and an assignment, each giving the changed interaction and the events to append. Durations
 * count from arrival in calendar seconds and in business seconds of the pinned clock ({@link Clock}); the resolution
 * durations add up the open stretches only, so the time an item lay resolved does not count.
 */
public final class InteractionLifecycle {

    /** How far in the future a reported instant may lie (clocks of tools and servers differ a little). */
    public static final Duration SKEW = Duration.ofMinutes(1);

    /** The pinned SLA's clock: business time between two instants, and the instant an amount of it passes. */
    public interface Clock {
        Duration between(Instant from, Instant to);

        Instant add(Instant start, Duration amount);
    }

    /** The changed interaction (its version not yet counted up) and what to append to its events. */
    public record Change(Interaction interaction, List<InteractionEvent> events) {
    }

    private InteractionLifecycle() {
    }

    public static Change reply(Interaction item, Instant at, UserId by, String channel, Clock clock, Instant now) {
        requireBetween("at", at, item.receivedAt(), "the interaction arrived", now);
        List<InteractionEvent> events = new ArrayList<>();
        events.add(InteractionEvent.of(item.id(), InteractionEvent.Type.REPLIED, null, at, by, EventSource.STAFF,
                channel, Map.of()));
        if (item.firstResponse() != null) {
            return new Change(item, events);
        }
        int seconds = seconds(item.receivedAt(), at);
        Interaction.FirstResponse first = new Interaction.FirstResponse(at, by, channel, seconds,
                businessSeconds(item, item.receivedAt(), at, clock));
        if (item.sla() != null) {
            events.add(InteractionEvent.stopped(item.id(), InteractionEvent.Metric.FIRST_RESPONSE, at,
                    item.sla().firstResponseDueAt(), by));
        }
        InteractionStatus status = item.status() == InteractionStatus.RESOLVED ? InteractionStatus.RESOLVED
                : InteractionStatus.RESPONDED;
        return new Change(with(item, status, item.assignee(), item.sla(), first, item.resolution(), item.reopenCount(),
                item.reopenedAt()), events);
    }

    public static Change resolve(Interaction item, Instant at, UserId by, Clock clock, Instant now) {
        if (item.status() == InteractionStatus.RESOLVED) {
            throw ApiProblem.conflict("The interaction is resolved already; reopen it first.");
        }
        requireBetween("at", at, item.openSince(), item.reopenedAt() == null ? "the interaction arrived"
                : "it was reopened", now);
        Interaction.Resolution banked = item.resolution();
        Integer business = businessSeconds(item, item.openSince(), at, clock);
        Interaction.Resolution resolution = new Interaction.Resolution(at, by,
                banked.bankedSeconds() + seconds(item.openSince(), at),
                business == null ? null : banked.bankedBusinessSeconds() + business, banked.bankedSeconds(),
                banked.bankedBusinessSeconds());
        List<InteractionEvent> events = new ArrayList<>();
        events.add(InteractionEvent.of(item.id(), InteractionEvent.Type.RESOLVED, null, at, by, EventSource.STAFF,
                null, Map.of()));
        if (item.sla() != null) {
            events.add(InteractionEvent.stopped(item.id(), InteractionEvent.Metric.RESOLUTION, at,
                    item.sla().resolutionDueAt(), by));
        }
        return new Change(with(item, InteractionStatus.RESOLVED, item.assignee(), item.sla(), item.firstResponse(),
                resolution, item.reopenCount(), item.reopenedAt()), events);
    }

    /**
     * The resolution clock runs again from {@code at}, due when the pinned target is used up by open time (at the
     * reopen itself when nothing is left of it).
     */
    public static Change reopen(Interaction item, Instant at, UserId by, Clock clock, Instant now) {
        if (item.status() != InteractionStatus.RESOLVED) {
            throw ApiProblem.conflict("Only a resolved interaction can be reopened; this one is "
                    + item.status().name().toLowerCase() + ".");
        }
        requireBetween("at", at, item.resolution().at(), "it was resolved", now);
        Interaction.Resolution previous = item.resolution();
        int banked = previous.seconds();
        int bankedBusiness = previous.businessSeconds() == null ? 0 : previous.businessSeconds();
        Interaction.PinnedSla sla = item.sla();
        List<InteractionEvent> events = new ArrayList<>();
        events.add(InteractionEvent.of(item.id(), InteractionEvent.Type.REOPENED, null, at, by, EventSource.STAFF,
                null, Map.of()));
        if (sla != null) {
            long used = sla.clock() == SlaPolicy.Clock.BUSINESS ? bankedBusiness : banked;
            Duration left = Duration.ofMinutes(sla.resolutionTargetMinutes()).minusSeconds(used);
            Instant due = clock.add(at, left.isNegative() ? Duration.ZERO : left);
            sla = new Interaction.PinnedSla(sla.guidelinesVersion(), sla.strategyVersion(), sla.clock(),
                    sla.firstResponseTargetMinutes(), sla.resolutionTargetMinutes(), sla.firstResponseDueAt(), due);
            events.add(InteractionEvent.of(item.id(), InteractionEvent.Type.ACTIVATED,
                    InteractionEvent.Metric.RESOLUTION, at, null, EventSource.SYSTEM, null,
                    Map.of("dueAt", due.toString())));
        }
        InteractionStatus status = item.firstResponse() == null ? InteractionStatus.OPEN : InteractionStatus.RESPONDED;
        return new Change(with(item, status, item.assignee(), sla, item.firstResponse(),
                new Interaction.Resolution(null, null, null, null, banked, bankedBusiness), item.reopenCount() + 1,
                at), events);
    }

    public static Change assign(Interaction item, UserId assignee, UserId by, Instant now) {
        InteractionEvent event = InteractionEvent.of(item.id(), InteractionEvent.Type.ASSIGNED, null, now, by,
                EventSource.STAFF, null, assignee == null ? Map.of() : Map.of("assigneeId", assignee.toString()));
        return new Change(with(item, item.status(), assignee, item.sla(), item.firstResponse(), item.resolution(),
                item.reopenCount(), item.reopenedAt()), List.of(event));
    }

    /** Business seconds of [from, to) on the pinned clock: all of them on a calendar clock, none without an SLA. */
    private static Integer businessSeconds(Interaction item, Instant from, Instant to, Clock clock) {
        if (item.sla() == null) {
            return null;
        }
        return item.sla().clock() == SlaPolicy.Clock.CALENDAR ? seconds(from, to)
                : Math.toIntExact(clock.between(from, to).toSeconds());
    }

    private static int seconds(Instant from, Instant to) {
        return Math.toIntExact(Duration.between(from, to).toSeconds());
    }

    private static void requireBetween(String field, Instant at, Instant earliest, String what, Instant now) {
        if (at.isBefore(earliest)) {
            throw ApiProblem.invalidField(field, "must not be before " + what + " (" + earliest + ")", "range");
        }
        if (at.isAfter(now.plus(SKEW))) {
            throw ApiProblem.invalidField(field, "must not lie in the future", "range");
        }
    }

    private static Interaction with(Interaction item, InteractionStatus status, UserId assignee,
                                    Interaction.PinnedSla sla, Interaction.FirstResponse first,
                                    Interaction.Resolution resolution, int reopenCount, Instant reopenedAt) {
        return new Interaction(item.id(), item.brand(), item.channel(), item.externalId(), item.kind(),
                item.authorHandle(), item.text(), item.link(), item.sentiment(), item.receivedAt(), item.ingestedAt(),
                item.priority(), item.prioritySource(), item.windowClass(), sla, status, assignee, first, resolution,
                reopenCount, reopenedAt, item.version());
    }
}
