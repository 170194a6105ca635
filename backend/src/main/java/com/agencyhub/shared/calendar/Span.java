package com.agencyhub.shared.calendar;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch {@code [start, end)} of real time. */
record Span(Instant start, Instant end) {

    Duration duration() {
        return Duration.between(start, end);
    }
}
