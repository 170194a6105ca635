package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A weekly interval in local time, half-open [start, end). An {@code end} before {@code start} means the window
 * runs past midnight into the next day (Friday 18:00–02:00 ends on Saturday); it belongs to the day it starts.
 * Start and end must differ.
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a window needs different start and end, got " + start + " twice");
        }
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** Length in local minutes (DST shifts are the calendar's business, not the window's). */
    public int lengthMinutes() {
        int length = (end.toSecondOfDay() - start.toSecondOfDay()) / 60;
        return length < 0 ? length + MINUTES_PER_DAY : length;
    }

    /** Start in minutes after Monday 00:00 of a local week. */
    int startMinuteOfWeek() {
        return (day.getValue() - 1) * MINUTES_PER_DAY + start.toSecondOfDay() / 60;
    }

    /** Whether the two windows share a minute of the (cyclic) week. */
    public boolean overlaps(WeeklyWindow other) {
        int a = startMinuteOfWeek();
        int b = other.startMinuteOfWeek();
        for (int shift = -MINUTES_PER_WEEK; shift <= MINUTES_PER_WEEK; shift += MINUTES_PER_WEEK) {
            if (a < b + shift + other.lengthMinutes() && b + shift < a + lengthMinutes()) {
                return true;
            }
        }
        return false;
    }
}
