package com.agencyhub.shared.calendar;

/** Which windows apply on a public holiday. */
public enum HolidayRule {
    /** The Sunday windows apply. */
    TREATED_AS_SUNDAY,
    /** The holiday windows of {@link BusinessHours#holidayWindows()} apply. */
    OWN_WINDOWS,
    /** No window opens on a holiday. */
    NONE
}
