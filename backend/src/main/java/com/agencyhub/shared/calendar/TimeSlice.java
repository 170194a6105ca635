package com.agencyhub.shared.calendar;

import java.time.Duration;
import java.time.Instant;

/** A part {@code [start, end)} of a split interval: inside business time or not, and its time class. */
public record TimeSlice(Instant start, Instant end, boolean businessTime, TimeClass timeClass) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
