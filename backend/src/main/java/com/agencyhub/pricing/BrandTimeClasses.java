package com.agencyhub.pricing;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.calendar.TimeClassBoundaries;
import com.agencyhub.shared.calendar.TimeSlice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts time into the {@link TimeClass}es of a brand: in its zone, with its public holidays. Time classes do not
 * depend on business hours, so the calendar has none.
 */
record BrandTimeClasses(ZoneId zone, Holidays holidays) {

    static BrandTimeClasses of(BrandRef brand) {
        return new BrandTimeClasses(brand.zone(), BrandCalendars.holidays(brand.holidayRegion()));
    }

    /** The minutes of the time in each class it touches (an interval is cut, a date counts as a whole). */
    Map<TimeClass, Long> minutesByClass(TimeToPrice time) {
        Map<TimeClass, Long> minutes = new EnumMap<>(TimeClass.class);
        if (time instanceof TimeToPrice.Interval interval) {
            BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(zone, List.of(), HolidayRule.NONE),
                    holidays);
            for (TimeSlice slice : calendar.split(interval.start(), interval.end())) {
                minutes.merge(slice.timeClass(), slice.duration().toMinutes(), Long::sum);
            }
        } else if (time instanceof TimeToPrice.OnDate onDate) {
            minutes.put(classOf(onDate.date()), (long) onDate.minutes());
        }
        return minutes;
    }

    /** The class of a whole date: a holiday outranks a weekend day; any other day counts as weekday daytime. */
    TimeClass classOf(LocalDate date) {
        if (holidays.isHoliday(date)) {
            return TimeClass.HOLIDAY;
        }
        return TimeClassBoundaries.DEFAULT.weekend().contains(date.getDayOfWeek()) ? TimeClass.WEEKEND
                : TimeClass.WEEKDAY_DAYTIME;
    }
}
