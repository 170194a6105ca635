package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessHoursTest {

    @Test
    void adjacentWindowsAndWindowsAcrossMidnightAreValid() {
        List<WeeklyWindow> windows = List.of(window(MONDAY, 9, 12), window(MONDAY, 12, 17),
                window(FRIDAY, 18, 2), window(SATURDAY, 2, 4), window(SUNDAY, 22, 0));
        assertThat(BusinessHours.problems(windows, HolidayRule.NONE, List.of())).isEmpty();
    }

    @Test
    void anEmptyWindowIsNamedByIndex() {
        List<WindowProblem> problems = BusinessHours.problems(
                List.of(window(MONDAY, 9, 12), window(MONDAY, 14, 14)), HolidayRule.NONE, List.of());
        assertThat(problems).extracting(WindowProblem::field).containsExactly("windows[1]");
        assertThat(problems.get(0).message()).isEqualTo("MONDAY 14:00–14:00 is empty: start and end are equal");
    }

    @Test
    void overlapsAreFoundWithinADayAcrossMidnightAndAcrossTheEndOfTheWeek() {
        List<WeeklyWindow> windows = List.of(window(MONDAY, 9, 12), window(MONDAY, 11, 13),
                window(FRIDAY, 18, 2), window(SATURDAY, 1, 3), window(SUNDAY, 23, 1), window(MONDAY, 0, 2));
        assertThat(BusinessHours.problems(windows, HolidayRule.NONE, List.of()))
                .extracting(WindowProblem::toString)
                .containsExactly("windows[1] MONDAY 11:00–13:00 overlaps windows[0] MONDAY 09:00–12:00",
                        "windows[3] SATURDAY 01:00–03:00 overlaps windows[2] FRIDAY 18:00–02:00",
                        "windows[5] MONDAY 00:00–02:00 overlaps windows[4] SUNDAY 23:00–01:00");
    }

    @Test
    void holidayWindowsRepeatDailyAndNeedTheirRule() {
        List<DailyWindow> holidayWindows = List.of(daily(22, 2), daily(1, 3));
        assertThat(BusinessHours.problems(List.of(), HolidayRule.OWN_WINDOWS, holidayWindows))
                .extracting(WindowProblem::toString)
                .containsExactly("holidayWindows[1] 01:00–03:00 overlaps holidayWindows[0] 22:00–02:00");
        assertThat(BusinessHours.problems(List.of(), HolidayRule.TREATED_AS_SUNDAY, List.of(daily(9, 12))))
                .extracting(WindowProblem::toString)
                .containsExactly("holidayWindows[0] holiday windows are only used with the holiday rule OWN_WINDOWS,"
                        + " not TREATED_AS_SUNDAY");
    }

    @Test
    void theConstructorRefusesInvalidWindowsWithTheProblems() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessHours(ZoneId.of("Europe/Berlin"),
                        List.of(window(MONDAY, 9, 17), window(MONDAY, 16, 18)), HolidayRule.NONE))
                .withMessage("invalid business hours: [windows[1] MONDAY 16:00–18:00 overlaps windows[0] MONDAY 09:00–17:00]");
    }

    private static WeeklyWindow window(java.time.DayOfWeek day, int startHour, int endHour) {
        return new WeeklyWindow(day, LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
    }

    private static DailyWindow daily(int startHour, int endHour) {
        return new DailyWindow(LocalTime.of(startHour, 0), LocalTime.of(endHour, 0));
    }
}
