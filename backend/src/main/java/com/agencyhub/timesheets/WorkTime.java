package com.agencyhub.timesheets;

import com.agencyhub.shared.web.ApiProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When the work was done: a timed stretch {@code [start, end)} in whole minutes, or a brand-local date with a number
 * of minutes. Either way 1 to {@value #MAX_MINUTES} minutes. A timed stretch counts for the brand-local date of its
 * start, however late it ends.
 */
public record WorkTime(Instant start, Instant end, LocalDate date, int minutes) {

    public static final int MAX_MINUTES = 1440;

    /** A timed stretch; 400 naming {@code endField} when it ends before it starts or lasts longer than 24 hours. */
    public static WorkTime timed(Instant start, Instant end, String startField, String endField) {
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw ApiProblem.invalidField(startField, "must be a whole minute (no seconds)", "whole-minute");
        }
        if (!end.truncatedTo(ChronoUnit.MINUTES).equals(end)) {
            throw ApiProblem.invalidField(endField, "must be a whole minute (no seconds)", "whole-minute");
        }
        if (!end.isAfter(start)) {
            throw ApiProblem.invalidField(endField, "must be after start", "range");
        }
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes > MAX_MINUTES) {
            throw ApiProblem.invalidField(endField, "must be at most 24 hours after start", "too-long");
        }
        return new WorkTime(start, end, null, (int) minutes);
    }

    /** Minutes on a date; 400 naming {@code minutesField} outside 1 to 1440. */
    public static WorkTime onDate(LocalDate date, int minutes, String minutesField) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw ApiProblem.invalidField(minutesField, "must be between 1 and " + MAX_MINUTES, "range");
        }
        return new WorkTime(null, null, date, minutes);
    }

    public boolean isTimed() {
        return start != null;
    }

    /** The brand-local day the work counts for. */
    public LocalDate workDate(ZoneId zone) {
        return isTimed() ? start.atZone(zone).toLocalDate() : date;
    }
}
