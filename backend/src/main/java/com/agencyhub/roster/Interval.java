package com.agencyhub.roster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open stretch {@code [from, to)} of real time, such as a required monitoring window. */
public record Interval(Instant from, Instant to) {

    public Interval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
