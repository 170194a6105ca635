package com.agencyhub.shared.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A stretch of local time within a day, half-open {@code [start, end)}. An end before the start means the window
 * crosses midnight and ends on the next day (22:00–02:00); an end of 00:00 means it runs to midnight, so 00:00–00:00
 * is the whole day (what the API writes as 00:00–24:00). Any other equal start and end is not a window (see
 * {@link BusinessHours#problems}).
 */
public record DailyWindow(LocalTime start, LocalTime end) {

    public DailyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Midnight to midnight. */
    public boolean isWholeDay() {
        return start.equals(LocalTime.MIDNIGHT) && end.equals(LocalTime.MIDNIGHT);
    }

    /** The length on the wall clock; a DST change on the day makes the real length differ. */
    public Duration localLength() {
        if (isWholeDay()) {
            return Duration.ofDays(1);
        }
        Duration length = Duration.between(start, end);
        return length.isNegative() ? length.plusDays(1) : length;
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
