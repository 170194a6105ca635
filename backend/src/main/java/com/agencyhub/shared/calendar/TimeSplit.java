package com.agencyhub.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Cuts an interval by time class (day by day) and by business time. */
final class TimeSplit {

    private final ZoneId zone;
    private final Holidays holidays;
    private final TimeClassBoundaries boundaries;
    private final List<TimeSlice> slices = new ArrayList<>();

    TimeSplit(ZoneId zone, Holidays holidays, TimeClassBoundaries boundaries) {
        this.zone = zone;
        this.holidays = holidays;
        this.boundaries = boundaries;
    }

    /** {@code business} holds the business time of {@code [from, to)} as disjoint spans in order. */
    List<TimeSlice> split(Instant from, Instant to, List<Span> business) {
        int next = 0;
        for (ClassSpan part : classSpans(from, to)) {
            Instant at = part.start();
            while (next < business.size() && business.get(next).start().isBefore(part.end())) {
                Span span = business.get(next);
                add(at, span.start(), false, part.timeClass());
                Instant inside = span.start().isAfter(at) ? span.start() : at;
                at = span.end().isBefore(part.end()) ? span.end() : part.end();
                add(inside, at, true, part.timeClass());
                if (span.end().isAfter(part.end())) {
                    break;
                }
                next++;
            }
            add(at, part.end(), false, part.timeClass());
        }
        return List.copyOf(slices);
    }

    /** Appends {@code [start, end)} unless it is empty, joining it to the last slice when it continues it. */
    private void add(Instant start, Instant end, boolean businessTime, TimeClass timeClass) {
        if (!end.isAfter(start)) {
            return;
        }
        int last = slices.size() - 1;
        if (last >= 0 && slices.get(last).businessTime() == businessTime && slices.get(last).timeClass() == timeClass) {
            slices.set(last, new TimeSlice(slices.get(last).start(), end, businessTime, timeClass));
        } else {
            slices.add(new TimeSlice(start, end, businessTime, timeClass));
        }
    }

    private record ClassSpan(Instant start, Instant end, TimeClass timeClass) {
    }

    /** {@code [from, to)} cut where the time class changes, in order and without gaps. */
    private List<ClassSpan> classSpans(Instant from, Instant to) {
        List<ClassSpan> parts = new ArrayList<>();
        for (LocalDate date = LocalDate.ofInstant(from, zone); date.atStartOfDay(zone).toInstant().isBefore(to);
             date = date.plusDays(1)) {
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant at = date.atStartOfDay(zone).toInstant();
            for (ClassChange change : changesOn(date)) {
                Instant end = change.until() == null ? dayEnd : later(at, date.atTime(change.until()).atZone(zone).toInstant());
                Instant start = later(at, from);
                Instant clippedEnd = end.isAfter(to) ? to : end;
                if (clippedEnd.isAfter(start)) {
                    parts.add(new ClassSpan(start, clippedEnd, change.timeClass()));
                }
                at = end;
            }
        }
        return parts;
    }

    /** A time class that lasts until a local time, or to the end of the day when {@code until} is null. */
    private record ClassChange(TimeClass timeClass, LocalTime until) {
    }

    private List<ClassChange> changesOn(LocalDate date) {
        if (holidays.isHoliday(date)) {
            return List.of(new ClassChange(TimeClass.HOLIDAY, null));
        }
        if (boundaries.weekend().contains(date.getDayOfWeek())) {
            return List.of(new ClassChange(TimeClass.WEEKEND, null));
        }
        return List.of(new ClassChange(TimeClass.NIGHT, boundaries.nightEnd()),
                new ClassChange(TimeClass.WEEKDAY_DAYTIME, boundaries.eveningStart()),
                new ClassChange(TimeClass.WEEKDAY_EVENING, boundaries.nightStart()),
                new ClassChange(TimeClass.NIGHT, null));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
