package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyWindowTest {

    @Test
    void aWindowEndingBeforeItsStartRunsIntoTheNextDay() {
        WeeklyWindow friday = window(FRIDAY, "18:00", "02:00");

        assertThat(friday.crossesMidnight()).isTrue();
        assertThat(friday.lengthMinutes()).isEqualTo(8 * 60);
        assertThat(friday.overlaps(window(SATURDAY, "01:00", "05:00"))).isTrue();
        assertThat(friday.overlaps(window(SATURDAY, "02:00", "05:00"))).as("half-open").isFalse();
    }

    @Test
    void sundayNightWrapsIntoMonday() {
        WeeklyWindow sunday = window(SUNDAY, "22:00", "06:00");

        assertThat(sunday.overlaps(window(MONDAY, "05:59", "07:00"))).isTrue();
        assertThat(window(MONDAY, "05:59", "07:00").overlaps(sunday)).isTrue();
        assertThat(sunday.overlaps(window(MONDAY, "06:00", "07:00"))).isFalse();
    }

    @Test
    void zeroLengthWindowsAreRefused() {
        assertThatThrownBy(() -> window(MONDAY, "09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapsAreReportedAtTheLaterWindow() {
        List<WeeklyWindow> windows = List.of(window(MONDAY, "09:00", "17:00"), window(FRIDAY, "09:00", "12:00"),
                window(MONDAY, "16:00", "18:00"));

        assertThat(WeeklyWindows.problems(windows))
                .containsExactly(new WeeklyWindows.Problem(2, "overlaps window 0", "overlap"));
        assertThat(WeeklyWindows.problems(windows.subList(0, 2))).isEmpty();
    }

    private static WeeklyWindow window(java.time.DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }
}
