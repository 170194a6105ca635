package com.agencyhub.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The local dates on which a member has any duty, and the runs of consecutive ones. */
final class DutyDays {

    /** Consecutive dates on duty, {@code first} to {@code last} inclusive. */
    record Run(LocalDate first, LocalDate last) {

        int days() {
            return (int) ChronoUnit.DAYS.between(first, last) + 1;
        }

        Interval in(ZoneId zone) {
            return new Interval(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    private final SortedSet<LocalDate> dates = new TreeSet<>();

    /** The dates in {@code zone} that the sorted, disjoint {@code stretches} touch. */
    DutyDays(List<Interval> stretches, ZoneId zone) {
        for (Interval stretch : stretches) {
            for (LocalDate date = LocalDate.ofInstant(stretch.from(), zone); startOf(date, zone).isBefore(stretch.to());
                 date = date.plusDays(1)) {
                dates.add(date);
            }
        }
    }

    /** The dates on duty from {@code first} to {@code last} inclusive. */
    List<LocalDate> between(LocalDate first, LocalDate last) {
        return List.copyOf(dates.subSet(first, last.plusDays(1)));
    }

    /** The longest run (the earliest of equally long ones) that ends on or after {@code from}; null without one. */
    Run longestEndingFrom(LocalDate from) {
        Run longest = null;
        LocalDate first = null;
        LocalDate previous = null;
        for (LocalDate date : dates) {
            if (previous == null || !date.equals(previous.plusDays(1))) {
                longest = longer(longest, first, previous, from);
                first = date;
            }
            previous = date;
        }
        return longer(longest, first, previous, from);
    }

    private static Run longer(Run longest, LocalDate first, LocalDate last, LocalDate from) {
        if (first == null || last.isBefore(from)) {
            return longest;
        }
        Run run = new Run(first, last);
        return longest == null || run.days() > longest.days() ? run : longest;
    }

    private static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
