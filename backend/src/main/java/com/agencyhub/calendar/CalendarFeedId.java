package com.agencyhub.calendar;

import java.util.Objects;
import java.util.UUID;

/** A calendar feed (its id, not its secret). */
public record CalendarFeedId(UUID value) {

    public CalendarFeedId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
