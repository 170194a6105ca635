package com.agencyhub.roster;

import java.util.Objects;
import java.util.UUID;

/** The id of a member's absence. */
public record AbsenceId(UUID value) {

    public AbsenceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
