package com.agencyhub.roster;

import java.util.Objects;

/** A broken working-time rule: the limit and the actual value in the rule's unit, and the time it concerns. */
public record WorkingTimeViolation(Rule rule, long limit, long actual, Interval interval) {

    public enum Rule {
        /** More minutes on duty in the week than the limit (in minutes, rounded down); the interval is the week. */
        MAX_HOURS_PER_WEEK,
        /** A longer run of days on duty than the limit, in days; the interval runs from the first day to the last. */
        MAX_CONSECUTIVE_DAYS,
        /** A break between two duty stretches shorter than the minimum rest, in minutes; the interval is the break. */
        MIN_REST
    }

    public WorkingTimeViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(interval, "interval");
    }
}
