package com.agencyhub.members;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A weekly interval in local time; {@code end} before {@code start} means it runs past midnight into the
 * next day. Zero-length intervals are not allowed.
 */
public record WeeklyHours(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("start and end are equal");
        }
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }
}
