package com.agencyhub.shared;

import java.util.Objects;
import java.util.UUID;

/** A client brand of an agency. */
public record BrandId(UUID value) {

    public BrandId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
