package com.agencyhub.roster;

import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.TimeClass;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** A brand's public holidays, as local dates in the brand's {@code zone}. */
public record BrandHolidays(ZoneId zone, Holidays holidays) {

    public BrandHolidays {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
    }

    /** The parts of the sorted {@code intervals} that lie on one of the brand's holidays, in order. */
    List<Interval> within(List<Interval> intervals) {
        BusinessCalendar calendar =
                new BusinessCalendar(new BusinessHours(zone, List.of(), HolidayRule.NONE), holidays);
        return intervals.stream()
                .flatMap(interval -> calendar.split(interval.from(), interval.to()).stream())
                .filter(slice -> slice.timeClass() == TimeClass.HOLIDAY)
                .map(slice -> new Interval(slice.start(), slice.end()))
                .toList();
    }
}
