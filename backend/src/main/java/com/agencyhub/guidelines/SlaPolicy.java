package com.agencyhub.guidelines;

/**
 * The response-time targets of one priority, in minutes of its clock, and when an interaction gets this
 * priority.
 */
public record SlaPolicy(Priority priority, int firstResponseMinutes, int resolutionMinutes, Clock clock,
                        SlaConditions conditions) {

    public enum Priority {
        CRITICAL, HIGH, NORMAL, LOW
    }

    public enum Clock {
        /** Counts only inside the brand's coverage windows, not on its excluded holidays. */
        BUSINESS,
        /** Counts around the clock. */
        CALENDAR
    }
}
