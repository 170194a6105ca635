package com.agencyhub.roster;

import java.util.Objects;
import java.util.UUID;

/** The id of a rotation of the roster. */
public record RotationId(UUID value) {

    public RotationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
