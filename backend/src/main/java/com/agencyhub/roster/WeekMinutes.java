package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.calendar.TimeClassBoundaries;
import com.agencyhub.shared.calendar.TimeSlice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A member's on-duty time in one range, sorted into the figures of {@link MemberWeekLoad}. The member's working hours
 * in the home zone are the business hours of a {@link BusinessCalendar}, whose split gives for every piece of duty
 * whether it lies in them and its time class there; holiday time comes from the calendar of each brand watched, and
 * overrides the home-zone class.
 */
final class WeekMinutes {

    private Duration onDuty = Duration.ZERO;
    private Duration outsideWorkingHours = Duration.ZERO;
    private Duration unsocial = Duration.ZERO;
    private final Map<TimeClass, Duration> byTimeClass = new EnumMap<>(TimeClass.class);

    private WeekMinutes() {
        for (TimeClass timeClass : TimeClass.values()) {
            byTimeClass.put(timeClass, Duration.ZERO);
        }
    }

    /** {@code duties} are the member's; only their parts within {@code range} count. */
    static WeekMinutes of(WorkerProfile member, Interval range, List<Duty> duties, Map<BrandId, BrandHolidays> brands) {
        BusinessCalendar home = new BusinessCalendar(
                new BusinessHours(member.homeZone(), member.workingHours(), HolidayRule.NONE), Holidays.none(),
                TimeClassBoundaries.DEFAULT);
        List<Interval> holidays = holidays(range, duties, brands);
        WeekMinutes minutes = new WeekMinutes();
        for (Interval stretch : LoadCalculator.union(duties, range)) {
            for (TimeSlice slice : home.split(stretch.from(), stretch.to())) {
                minutes.add(slice, overlap(holidays, slice.start(), slice.end()));
            }
        }
        return minutes;
    }

    long onDuty() {
        return onDuty.toMinutes();
    }

    long outsideWorkingHours() {
        return outsideWorkingHours.toMinutes();
    }

    long unsocial() {
        return unsocial.toMinutes();
    }

    Map<TimeClass, Long> byTimeClass() {
        Map<TimeClass, Long> minutes = new EnumMap<>(TimeClass.class);
        byTimeClass.forEach((timeClass, duration) -> minutes.put(timeClass, duration.toMinutes()));
        return minutes;
    }

    private void add(TimeSlice slice, Duration holiday) {
        Duration length = slice.duration();
        onDuty = onDuty.plus(length);
        byTimeClass.merge(TimeClass.HOLIDAY, holiday, Duration::plus);
        byTimeClass.merge(slice.timeClass(), length.minus(holiday), Duration::plus);
        if (!slice.businessTime()) {
            outsideWorkingHours = outsideWorkingHours.plus(length);
        }
        boolean wholeSliceUnsocial = !slice.businessTime() || slice.timeClass() == TimeClass.WEEKEND;
        unsocial = unsocial.plus(wholeSliceUnsocial ? length : holiday);
    }

    /** The time within {@code range} that the member watches a brand on one of that brand's holidays, merged. */
    private static List<Interval> holidays(Interval range, List<Duty> duties, Map<BrandId, BrandHolidays> brands) {
        Map<BrandId, List<Duty>> byBrand = duties.stream().collect(Collectors.groupingBy(Duty::brand));
        List<Interval> holidays = new ArrayList<>();
        byBrand.forEach((brand, watched) -> {
            BrandHolidays calendar = brands.get(brand);
            if (calendar == null) {
                throw new IllegalArgumentException("no holidays given for brand " + brand);
            }
            holidays.addAll(calendar.within(LoadCalculator.union(watched, range)));
        });
        return RosterResolver.merged(holidays);
    }

    /** How much of {@code [from, to)} the sorted, disjoint {@code intervals} cover. */
    private static Duration overlap(List<Interval> intervals, Instant from, Instant to) {
        Duration overlap = Duration.ZERO;
        for (Interval interval : intervals) {
            if (!interval.from().isBefore(to)) {
                break;
            }
            Instant start = interval.from().isAfter(from) ? interval.from() : from;
            Instant end = interval.to().isBefore(to) ? interval.to() : to;
            if (end.isAfter(start)) {
                overlap = overlap.plus(Duration.between(start, end));
            }
        }
        return overlap;
    }
}
