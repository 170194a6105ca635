package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where the {@link TimeClass}es of a working day change, in local time: night until {@code nightEnd}, daytime until
 * {@code eveningStart}, evening until {@code nightStart}, night until midnight. {@code eveningStart} equal to
 * {@code nightStart} means no evening. The days in {@code weekend} are {@link TimeClass#WEEKEND} all day.
 */
public record TimeClassBoundaries(LocalTime nightEnd, LocalTime eveningStart, LocalTime nightStart,
                                  Set<DayOfWeek> weekend) {

    /** Night 22:00–06:00, daytime 06:00–18:00, evening 18:00–22:00, weekend Saturday and Sunday. */
    public static final TimeClassBoundaries DEFAULT = new TimeClassBoundaries(LocalTime.of(6, 0), LocalTime.of(18, 0),
            LocalTime.of(22, 0), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    public TimeClassBoundaries {
        Objects.requireNonNull(nightEnd, "nightEnd");
        Objects.requireNonNull(eveningStart, "eveningStart");
        Objects.requireNonNull(nightStart, "nightStart");
        weekend = Set.copyOf(weekend);
        if (!nightEnd.isBefore(eveningStart) || nightStart.isBefore(eveningStart)) {
            throw new IllegalArgumentException("time class boundaries must be in order nightEnd < eveningStart "
                    + "<= nightStart within one day, not " + nightEnd + ", " + eveningStart + ", " + nightStart);
        }
    }
}
