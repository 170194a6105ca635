package com.agencyhub.roster;

import com.agencyhub.shared.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch {@code [start, end)} of a resolved roster timeline in which nothing changes.
 *
 * @param status      who, if anyone, is on duty
 * @param required    whether the stretch lies in a required monitoring window
 * @param onDuty      the member on duty; null unless {@link Status#ON_DUTY}
 * @param reason      why {@code onDuty} is on duty; null unless {@link Status#ON_DUTY}
 * @param rotationId  the layer that scheduled the shift; null for an override or no shift
 * @param scheduled   the member the shift belongs to (the rotation's or the override's); null without a shift
 * @param absence     why {@code scheduled} is away when a deputy stands in or the shift is {@link Status#EMPTY}
 * @param deputyChain the available members after {@code onDuty}, in order, at most three
 */
public record Segment(Instant start, Instant end, Status status, boolean required, UserId onDuty, Reason reason,
                      String rotationId, UserId scheduled, AbsenceKind absence, List<UserId> deputyChain) {

    public enum Status {
        /** Someone is on duty. */
        ON_DUTY,
        /** There is a shift, but everyone who could take it is away. */
        EMPTY,
        /** No shift inside a required window. */
        GAP,
        /** No shift, and none required. */
        OFF
    }

    public enum Reason {
        /** The rotation's member for this turn. */
        ROTATION,
        /** The member of an override. */
        OVERRIDE,
        /** A deputy standing in for the absent scheduled member. */
        DEPUTY
    }

    public Segment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        deputyChain = List.copyOf(deputyChain);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Equal in everything but the times, so a neighbour can be merged into it. */
    boolean sameStateAs(Segment other) {
        return status == other.status && required == other.required && Objects.equals(onDuty, other.onDuty)
                && reason == other.reason && Objects.equals(rotationId, other.rotationId)
                && Objects.equals(scheduled, other.scheduled) && absence == other.absence
                && deputyChain.equals(other.deputyChain);
    }

    Segment withEnd(Instant newEnd) {
        return new Segment(start, newEnd, status, required, onDuty, reason, rotationId, scheduled, absence, deputyChain);
    }
}
