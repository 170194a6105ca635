package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO 8601 week ({@code 2027-W10}): Monday to Monday, week 1 holds the year's first Thursday. */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(year + " has no ISO week " + week);
        }
    }

    /** The week that holds the day. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week {@code text} names ({@code 2027-W10}); empty when it names none. */
    public static Optional<IsoWeek> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (matcher.matches()) {
            int year = Integer.parseInt(matcher.group(1));
            int week = Integer.parseInt(matcher.group(2));
            if (week >= 1 && week <= weeksIn(year)) {
                return Optional.of(new IsoWeek(year, week));
            }
        }
        return Optional.empty();
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public IsoWeek plusWeeks(int weeks) {
        return of(monday().plusWeeks(weeks));
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }

    private static long weeksIn(int year) {
        return IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 6, 1)).getMaximum();
    }
}
