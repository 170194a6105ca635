package com.agencyhub.shared.calendar;

/**
 * The kind of a moment for surcharges and reports, by the local date and time. A holiday outranks a weekend day,
 * which outranks the time of day, so night and evening are on working days only. Boundaries: {@link TimeClassBoundaries}.
 */
public enum TimeClass {
    WEEKDAY_DAYTIME,
    WEEKDAY_EVENING,
    NIGHT,
    WEEKEND,
    HOLIDAY
}
