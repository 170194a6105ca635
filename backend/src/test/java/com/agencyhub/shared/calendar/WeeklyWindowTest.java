package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** A list of weekly windows checked on its own, as working hours and coverage windows are. */
class WeeklyWindowTest {

    @Test
    void aWindowRunningPastMidnightOverlapsTheNextMorningHalfOpen() {
        assertThat(WeeklyWindows.problems(List.of(window(FRIDAY, "18:00", "02:00"), window(SATURDAY, "01:00", "05:00"))))
                .extracting(WeeklyWindows.Problem::index).containsExactly(1);
        assertThat(WeeklyWindows.problems(List.of(window(FRIDAY, "18:00", "02:00"), window(SATURDAY, "02:00", "05:00"))))
                .isEmpty();
    }

    @Test
    void sundayNightWrapsIntoMonday() {
        assertThat(WeeklyWindows.problems(List.of(window(SUNDAY, "22:00", "06:00"), window(MONDAY, "05:59", "07:00"))))
                .extracting(WeeklyWindows.Problem::index).containsExactly(1);
        assertThat(WeeklyWindows.problems(List.of(window(SUNDAY, "22:00", "06:00"), window(MONDAY, "06:00", "07:00"))))
                .isEmpty();
    }

    @Test
    void emptyAndOverlappingWindowsAreReportedByIndex() {
        List<WeeklyWindow> windows = List.of(window(MONDAY, "09:00", "17:00"), window(FRIDAY, "09:00", "09:00"),
                window(MONDAY, "16:00", "18:00"));

        assertThat(WeeklyWindows.problems(windows)).extracting(WeeklyWindows.Problem::index).containsExactly(1, 2);
        assertThat(WeeklyWindows.problems(windows.subList(0, 1))).isEmpty();
    }

    private static WeeklyWindow window(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }
}
