package com.agencyhub.calendar;

import java.util.Objects;
import java.util.UUID;

/** A planned post of a brand. */
public record PostId(UUID value) {

    public PostId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
