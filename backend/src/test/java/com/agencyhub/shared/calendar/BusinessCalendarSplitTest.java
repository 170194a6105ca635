package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.agencyhub.shared.calendar.BusinessCalendarTest.BERLIN;
import static com.agencyhub.shared.calendar.BusinessCalendarTest.berlin;
import static com.agencyhub.shared.calendar.BusinessCalendarTest.officeHours;
import static com.agencyhub.shared.calendar.BusinessCalendarTest.window;
import static com.agencyhub.shared.calendar.TimeClass.HOLIDAY;
import static com.agencyhub.shared.calendar.TimeClass.NIGHT;
import static com.agencyhub.shared.calendar.TimeClass.WEEKDAY_DAYTIME;
import static com.agencyhub.shared.calendar.TimeClass.WEEKDAY_EVENING;
import static com.agencyhub.shared.calendar.TimeClass.WEEKEND;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessCalendarSplitTest {

    private static final BusinessHours OFFICE = new BusinessHours(BERLIN, officeHours(), HolidayRule.NONE);

    @Test
    void fridayAfternoonToSaturdayMorningHasEveryClass() {
        BusinessCalendar calendar = new BusinessCalendar(OFFICE, Holidays.none());
        assertThat(calendar.split(berlin("2026-03-06T16:00"), berlin("2026-03-07T08:00"))).containsExactly(
                slice("2026-03-06T16:00", "2026-03-06T17:00", true, WEEKDAY_DAYTIME),
                slice("2026-03-06T17:00", "2026-03-06T18:00", false, WEEKDAY_DAYTIME),
                slice("2026-03-06T18:00", "2026-03-06T22:00", false, WEEKDAY_EVENING),
                slice("2026-03-06T22:00", "2026-03-07T00:00", false, NIGHT),
                slice("2026-03-07T00:00", "2026-03-07T08:00", false, WEEKEND));
    }

    @Test
    void businessTimeOnAHolidayIsHolidayTime() {
        List<WeeklyWindow> windows = new ArrayList<>(officeHours());
        windows.add(window(SUNDAY, "10:00", "14:00"));
        BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(BERLIN, windows, HolidayRule.TREATED_AS_SUNDAY),
                Holidays.of(Set.of(LocalDate.of(2026, 5, 6))));
        assertThat(calendar.split(berlin("2026-05-06T00:00"), berlin("2026-05-07T07:00"))).containsExactly(
                slice("2026-05-06T00:00", "2026-05-06T10:00", false, HOLIDAY),
                slice("2026-05-06T10:00", "2026-05-06T14:00", true, HOLIDAY),
                slice("2026-05-06T14:00", "2026-05-07T00:00", false, HOLIDAY),
                slice("2026-05-07T00:00", "2026-05-07T06:00", false, NIGHT),
                slice("2026-05-07T06:00", "2026-05-07T07:00", false, WEEKDAY_DAYTIME));
    }

    @Test
    void aNightWindowIsSplitWhereTheWeekendBegins() {
        BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(BERLIN,
                List.of(window(FRIDAY, "20:00", "02:00")), HolidayRule.NONE), Holidays.none());
        assertThat(calendar.split(berlin("2026-03-06T20:00"), berlin("2026-03-07T02:00"))).containsExactly(
                slice("2026-03-06T20:00", "2026-03-06T22:00", true, WEEKDAY_EVENING),
                slice("2026-03-06T22:00", "2026-03-07T00:00", true, NIGHT),
                slice("2026-03-07T00:00", "2026-03-07T02:00", true, WEEKEND));
    }

    @Test
    void theBoundariesAreConfigurable() {
        TimeClassBoundaries late = new TimeClassBoundaries(LocalTime.of(5, 0), LocalTime.of(17, 0), LocalTime.of(23, 0),
                Set.of(SATURDAY));
        BusinessCalendar calendar = new BusinessCalendar(OFFICE, Holidays.none(), late);
        assertThat(calendar.split(berlin("2026-03-07T23:00"), berlin("2026-03-08T18:00"))).containsExactly(
                slice("2026-03-07T23:00", "2026-03-08T00:00", false, WEEKEND),
                slice("2026-03-08T00:00", "2026-03-08T05:00", false, NIGHT),
                slice("2026-03-08T05:00", "2026-03-08T17:00", false, WEEKDAY_DAYTIME),
                slice("2026-03-08T17:00", "2026-03-08T18:00", false, WEEKDAY_EVENING));
    }

    @Test
    void boundariesOutOfOrderAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TimeClassBoundaries(LocalTime.of(18, 0),
                LocalTime.of(6, 0), LocalTime.of(22, 0), Set.of()));
    }

    @Test
    void anEmptyIntervalHasNoSlices() {
        BusinessCalendar calendar = new BusinessCalendar(OFFICE, Holidays.none());
        assertThat(calendar.split(berlin("2026-03-06T16:00"), berlin("2026-03-06T16:00"))).isEmpty();
    }

    private static TimeSlice slice(String start, String end, boolean businessTime, TimeClass timeClass) {
        return new TimeSlice(berlin(start), berlin(end), businessTime, timeClass);
    }
}
