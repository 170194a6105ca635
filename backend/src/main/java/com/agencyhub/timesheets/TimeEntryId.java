package com.agencyhub.timesheets;

import java.util.Objects;
import java.util.UUID;

public record TimeEntryId(UUID value) {

    public TimeEntryId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
