package com.agencyhub.pricing;

import java.util.Objects;
import java.util.UUID;

/** The id of an activity of the agency's catalogue. */
public record ActivityId(UUID value) {

    public ActivityId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
