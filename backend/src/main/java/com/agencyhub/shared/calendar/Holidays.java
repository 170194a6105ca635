package com.agencyhub.shared.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** The public holidays a {@link BusinessCalendar} observes, as local dates. */
@FunctionalInterface
public interface Holidays {

    boolean isHoliday(LocalDate date);

    static Holidays none() {
        return date -> false;
    }

    static Holidays of(Collection<LocalDate> dates) {
        Set<LocalDate> holidays = Set.copyOf(dates);
        return holidays::contains;
    }
}
