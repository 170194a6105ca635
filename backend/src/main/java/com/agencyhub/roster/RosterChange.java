package com.agencyhub.roster;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A change of a member's duty as the agency keeps it: the write that caused it, who made it and when. */
public record RosterChange(UUID id, DutyChange change, Cause cause, UserId changedBy, Instant createdAt) {

    public RosterChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(changedBy, "changedBy");
    }

    /** The roster write: a rotation, an override, a swap (by the {@code swapId} of its two overrides) or an absence. */
    public record Cause(Kind kind, UUID id) {

        public enum Kind {
            ROTATION, OVERRIDE, SWAP, ABSENCE
        }

        public Cause {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }

        static Cause of(RotationId rotation) {
            return new Cause(Kind.ROTATION, rotation.value());
        }

        static Cause of(AbsenceId absence) {
            return new Cause(Kind.ABSENCE, absence.value());
        }

        static Cause of(OverrideId override) {
            return new Cause(Kind.OVERRIDE, override.value());
        }

        static Cause swap(UUID swap) {
            return new Cause(Kind.SWAP, swap);
        }
    }
}
