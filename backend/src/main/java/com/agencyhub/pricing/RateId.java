package com.agencyhub.pricing;

import java.util.Objects;
import java.util.UUID;

/** The id of a rate row. */
public record RateId(UUID value) {

    public RateId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
