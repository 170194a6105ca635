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
 * resolution, a reopen, waiting for the customer and its resumption, and an assignment, each giving the changed
 * interaction and the events to append. Durations count from arrival in calendar seconds and in business seconds of
 * the pinned clock ({@link Clock}); the resolution durations add up the stretches its clock ran only (banked at a
 * resolution or when waiting begins), so the time an item lay resolved or waited for the customer does not count.
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
        // a reply while waiting for the customer does not resume the item: the customer has not answered yet
        InteractionStatus status = item.status() == InteractionStatus.RESOLVED
                || item.status() == InteractionStatus.WAITING ? item.status() : InteractionStatus.RESPONDED;
        return new Change(with(item, status, item.assignee(), item.sla(), first, item.resolution(), item.reopenCount(),
                item.reopenedAt(), item.waitingSince(), item.resumedAt()), events);
    }

    /** Resolving a waiting item ends the waiting at {@code at}, as a resumption would, and then stops the clock. */
    public static Change resolve(Interaction waitingOrNot, Instant at, UserId by, Clock clock, Instant now) {
        if (waitingOrNot.status() == InteractionStatus.RESOLVED) {
            throw ApiProblem.conflict("The interaction is resolved already; reopen it first.");
        }
        requireAfterLastStep(waitingOrNot, at, now);
        Interaction item = waitingOrNot.status() == InteractionStatus.WAITING ? resumed(waitingOrNot, at, clock)
                : waitingOrNot;
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
                resolution, item.reopenCount(), item.reopenedAt(), null, item.resumedAt()), events);
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
                at, null, item.resumedAt()), events);
    }

    /**
     * From {@code at} the agency waits for the customer: the resolution clock pauses, the time it ran since the
     * arrival (or the last reopen or resumption) is banked like at a resolution. The first-response clock runs on.
     */
    public static Change startWaiting(Interaction item, Instant at, UserId by, String note, Clock clock,
                                      Instant now) {
        if (item.status() == InteractionStatus.RESOLVED || item.status() == InteractionStatus.WAITING) {
            throw ApiProblem.conflict("Only an open or responded interaction can wait for the customer; this one is "
                    + item.status().name().toLowerCase() + ".");
        }
        requireAfterLastStep(item, at, now);
        Interaction.Resolution running = item.resolution();
        Integer business = businessSeconds(item, item.openSince(), at, clock);
        Interaction.Resolution banked = new Interaction.Resolution(null, null, null, null,
                running.bankedSeconds() + seconds(item.openSince(), at),
                running.bankedBusinessSeconds() + (business == null ? 0 : business));
        InteractionEvent paused = InteractionEvent.of(item.id(), InteractionEvent.Type.PAUSED,
                InteractionEvent.Metric.RESOLUTION, at, by, EventSource.STAFF, null,
                note == null ? Map.of() : Map.of("note", note));
        return new Change(with(item, InteractionStatus.WAITING, item.assignee(), item.sla(), item.firstResponse(),
                banked, item.reopenCount(), item.reopenedAt(), at, item.resumedAt()), List.of(paused));
    }

    /** The customer answered at {@code at}: the resolution clock runs again, due later by the time spent waiting. */
    public static Change resume(Interaction item, Instant at, UserId by, Clock clock, Instant now) {
        if (item.status() != InteractionStatus.WAITING) {
            throw ApiProblem.conflict("Only a waiting interaction can be resumed; this one is "
                    + item.status().name().toLowerCase() + ".");
        }
        requireAfterLastStep(item, at, now);
        Interaction resumed = resumed(item, at, clock);
        InteractionEvent activated = InteractionEvent.of(item.id(), InteractionEvent.Type.ACTIVATED,
                InteractionEvent.Metric.RESOLUTION, at, by, EventSource.STAFF, null, resumed.sla() == null ? Map.of()
                        : Map.of("dueAt", resumed.sla().resolutionDueAt().toString()));
        return new Change(resumed, List.of(activated));
    }

    /**
     * The waiting item running again from {@code at}: its status as before the waiting, and the resolution due time
     * later by the waiting stretch on the pinned clock (a clock breached before the waiting stays breached).
     */
    private static Interaction resumed(Interaction item, Instant at, Clock clock) {
        Interaction.PinnedSla sla = item.sla();
        if (sla != null) {
            Duration waited = clock.between(item.waitingSince(), at);
            // a wait outside business hours moves nothing (adding zero could round up to the next window)
            Instant due = waited.isZero() ? sla.resolutionDueAt() : clock.add(sla.resolutionDueAt(), waited);
            sla = new Interaction.PinnedSla(sla.guidelinesVersion(), sla.strategyVersion(), sla.clock(),
                    sla.firstResponseTargetMinutes(), sla.resolutionTargetMinutes(), sla.firstResponseDueAt(), due);
        }
        InteractionStatus status = item.firstResponse() == null ? InteractionStatus.OPEN : InteractionStatus.RESPONDED;
        return with(item, status, item.assignee(), sla, item.firstResponse(), item.resolution(), item.reopenCount(),
                item.reopenedAt(), null, at);
    }

    public static Change assign(Interaction item, UserId assignee, UserId by, Instant now) {
        InteractionEvent event = InteractionEvent.of(item.id(), InteractionEvent.Type.ASSIGNED, null, now, by,
                EventSource.STAFF, null, assignee == null ? Map.of() : Map.of("assigneeId", assignee.toString()));
        return new Change(with(item, item.status(), assignee, item.sla(), item.firstResponse(), item.resolution(),
                item.reopenCount(), item.reopenedAt(), item.waitingSince(), item.resumedAt()), List.of(event));
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

    /** A step of the resolution clock may not lie before the last one (the waiting, a resumption or a reopen). */
    private static void requireAfterLastStep(Interaction item, Instant at, Instant now) {
        if (item.waitingSince() != null) {
            requireBetween("at", at, item.waitingSince(), "the waiting began", now);
        } else if (item.openSince().equals(item.receivedAt())) {
            requireBetween("at", at, item.receivedAt(), "the interaction arrived", now);
        } else {
            requireBetween("at", at, item.openSince(), "it was reopened or resumed", now);
        }
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
                                    Interaction.Resolution resolution, int reopenCount, Instant reopenedAt,
                                    Instant waitingSince, Instant resumedAt) {
        return new Interaction(item.id(), item.brand(), item.channel(), item.externalId(), item.kind(),
                item.authorHandle(), item.text(), item.link(), item.sentiment(), item.receivedAt(), item.ingestedAt(),
                item.priority(), item.prioritySource(), item.windowClass(), sla, status, assignee, first, resolution,
                reopenCount, reopenedAt, waitingSince, resumedAt, item.version());
    }
}
