package com.agencyhub.roster;

import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.calendar.TimeClass;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One member's load in one ISO week of their home zone, {@code range}, across all brands. Minutes are whole minutes
 * (each figure rounded down) of on-duty time, which is the union of the member's duty: watching three brands for an
 * hour is one hour.
 *
 * @param outsideWorkingHoursMinutes on duty outside the member's normal working hours
 * @param unsocialMinutes            on duty outside normal working hours, on a weekend or on a holiday; a minute that
 *                                   is more than one of these counts once
 * @param minutesByTimeClass         on-duty minutes by time class, every class present (see {@link #minutes})
 * @param daysOnDuty                 the home-zone dates of the week with any duty, in order
 * @param longestRunDays             the longest run of consecutive days on duty that reaches into the week, counting
 *                                   days up to {@value LoadCalculator#LOOKBACK_DAYS} days before it
 * @param violations                 the broken working-time rules: hours, then days, then rest breaks in time order
 */
public record MemberWeekLoad(UserId member, IsoWeek week, Interval range, long onDutyMinutes,
                             long outsideWorkingHoursMinutes, long unsocialMinutes,
                             Map<TimeClass, Long> minutesByTimeClass, List<LocalDate> daysOnDuty, int longestRunDays,
                             List<WorkingTimeViolation> violations) {

    public MemberWeekLoad {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(range, "range");
        EnumMap<TimeClass, Long> byTimeClass = new EnumMap<>(TimeClass.class);
        byTimeClass.putAll(minutesByTimeClass);
        minutesByTimeClass = Collections.unmodifiableMap(byTimeClass);
        daysOnDuty = List.copyOf(daysOnDuty);
        violations = List.copyOf(violations);
    }

    /**
     * The on-duty minutes of {@code timeClass} in the member's home zone, except that a minute on a holiday of a brand
     * watched in it is {@link TimeClass#HOLIDAY} (holiday before weekend before the time of day).
     */
    public long minutes(TimeClass timeClass) {
        return minutesByTimeClass.getOrDefault(timeClass, 0L);
    }
}
