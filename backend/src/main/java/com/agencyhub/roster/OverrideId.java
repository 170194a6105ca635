package com.agencyhub.roster;

import java.util.Objects;
import java.util.UUID;

/** The id of a roster override (one half of a swap has its own). */
public record OverrideId(UUID value) {

    public OverrideId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
