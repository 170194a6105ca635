package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A window that opens every week on {@code day} at {@code start}; see {@link DailyWindow} for the times. */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
    }

    public DailyWindow times() {
        return new DailyWindow(start, end);
    }

    @Override
    public String toString() {
        return day + " " + times();
    }
}
