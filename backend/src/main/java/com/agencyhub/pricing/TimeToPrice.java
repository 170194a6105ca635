package com.agencyhub.pricing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The time to price: an interval, cut into time classes, or a brand-local date with a number of minutes. */
public sealed interface TimeToPrice {

    /** {@code [start, end)} on whole minutes (truncate a timer's ends before pricing them). */
    record Interval(Instant start, Instant end) implements TimeToPrice {

        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("the interval must end after it starts: " + start + ", " + end);
            }
            if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start) || !end.truncatedTo(ChronoUnit.MINUTES).equals(end)) {
                throw new IllegalArgumentException("the interval must start and end on whole minutes: " + start
                        + ", " + end);
            }
        }

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /**
     * {@code minutes} on a brand-local {@code date}, taking the time class of the whole date: holiday, weekend or
     * weekday daytime. Negative minutes (an adjustment taking time back) give negative amounts.
     */
    record OnDate(LocalDate date, int minutes) implements TimeToPrice {

        public OnDate {
            Objects.requireNonNull(date, "date");
            if (minutes == 0) {
                throw new IllegalArgumentException("no minutes to price");
            }
        }
    }
}
