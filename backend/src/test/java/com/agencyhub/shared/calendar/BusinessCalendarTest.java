package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday 09:00–17:00 in Berlin. */
    static List<WeeklyWindow> officeHours() {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day = MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            windows.add(window(day, "09:00", "17:00"));
        }
        return windows;
    }

    @Nested
    class OfficeHours {

        final BusinessCalendar calendar = new BusinessCalendar(
                new BusinessHours(BERLIN, officeHours(), HolidayRule.NONE), Holidays.none());

        @Test
        void twoHoursFromFridayAfternoonEndOnMondayMorning() {
            assertThat(calendar.add(berlin("2026-03-06T16:00"), hours(2))).isEqualTo(berlin("2026-03-09T10:00"));
            assertThat(calendar.between(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00"))).isEqualTo(hours(2));
        }

        @Test
        void addingExactlyTheRestOfAWindowEndsAtTheWindowsEnd() {
            assertThat(calendar.add(berlin("2026-03-06T16:00"), hours(1))).isEqualTo(berlin("2026-03-06T17:00"));
        }

        @Test
        void addingNothingStaysInsideOrMovesToTheNextStart() {
            assertThat(calendar.add(berlin("2026-03-06T16:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-06T16:00"));
            assertThat(calendar.add(berlin("2026-03-06T17:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-09T09:00"));
        }

        @Test
        void windowsAreHalfOpen() {
            assertThat(calendar.isBusinessTime(berlin("2026-03-06T09:00"))).isTrue();
            assertThat(calendar.isBusinessTime(berlin("2026-03-06T16:59:59"))).isTrue();
            assertThat(calendar.isBusinessTime(berlin("2026-03-06T17:00"))).isFalse();
            assertThat(calendar.isBusinessTime(berlin("2026-03-07T12:00"))).isFalse();
        }

        @Test
        void theNextWindowStartIsAtOrAfterTheInstant() {
            assertThat(calendar.nextWindowStart(berlin("2026-03-06T09:00"))).contains(berlin("2026-03-06T09:00"));
            assertThat(calendar.nextWindowStart(berlin("2026-03-06T09:01"))).contains(berlin("2026-03-09T09:00"));
            assertThat(calendar.nextWindowStart(berlin("2026-03-07T12:00"))).contains(berlin("2026-03-09T09:00"));
        }

        @Test
        void aWeekHasFortyHours() {
            assertThat(calendar.between(berlin("2026-03-02T00:00"), berlin("2026-03-09T00:00"))).isEqualTo(hours(40));
            assertThat(calendar.between(berlin("2026-03-02T12:00"), berlin("2026-03-02T12:00"))).isZero();
        }

        @Test
        void badArgumentsAreRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> calendar.add(berlin("2026-03-06T16:00"), hours(-1)));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.between(berlin("2026-03-06T16:00"), berlin("2026-03-06T15:00")))
                    .withMessageContaining("interval ends before it starts");
        }
    }

    @Test
    void midnightToMidnightIsTheWholeDayAlsoOnDstDays() {
        BusinessCalendar sundays = new BusinessCalendar(new BusinessHours(BERLIN,
                List.of(window(SUNDAY, "00:00", "00:00")), HolidayRule.NONE), Holidays.none());
        assertThat(sundays.between(berlin("2026-03-01T00:00"), berlin("2026-03-02T00:00"))).isEqualTo(hours(24));
        assertThat(sundays.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(hours(23));
        assertThat(sundays.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(hours(25));
        assertThat(sundays.between(berlin("2026-03-02T00:00"), berlin("2026-03-08T00:00"))).isZero();
        assertThat(BusinessHours.problems(List.of(window(SUNDAY, "00:00", "00:00"),
                window(MONDAY, "00:00", "00:00")), HolidayRule.NONE, List.of())).isEmpty();
        assertThat(BusinessHours.problems(List.of(window(SUNDAY, "00:00", "00:00"),
                window(SUNDAY, "23:00", "01:00")), HolidayRule.NONE, List.of())).hasSize(1);
    }

    @Test
    void addingWithinALimitLooksNoFurtherThanIt() {
        BusinessCalendar oneMinuteAWeek = new BusinessCalendar(new BusinessHours(BERLIN,
                List.of(window(MONDAY, "09:00", "09:01")), HolidayRule.NONE), Holidays.none());
        Instant friday = berlin("2026-03-06T16:00");
        Instant aYearLater = friday.plus(Duration.ofDays(366));

        assertThat(oneMinuteAWeek.addWithin(friday, minutes(43_200), aYearLater)).isEmpty();
        assertThat(oneMinuteAWeek.addWithin(friday, minutes(52), aYearLater)).contains(berlin("2027-03-01T09:01"));
        assertThat(oneMinuteAWeek.addWithin(friday, minutes(53), aYearLater)).isEmpty();
        assertThat(oneMinuteAWeek.addWithin(friday, minutes(3), aYearLater)).contains(berlin("2026-03-23T09:01"));
        assertThat(oneMinuteAWeek.addWithin(friday, minutes(3), aYearLater))
                .contains(oneMinuteAWeek.add(friday, minutes(3)));
    }

    @Test
    void christmasInGermanyClosesOnTheTwentyFifthAndTwentySixth() {
        BusinessCalendar calendar = new BusinessCalendar(
                new BusinessHours(BERLIN, officeHours(), HolidayRule.NONE), RegionHolidays.of("DE"));
        // Thursday 24 December is a working day, Friday 25 a holiday, Saturday 26 a holiday and weekend
        assertThat(calendar.add(berlin("2026-12-24T16:00"), hours(2))).isEqualTo(berlin("2026-12-28T10:00"));
        assertThat(calendar.between(berlin("2026-12-21T00:00"), berlin("2026-12-28T00:00"))).isEqualTo(hours(32));
        assertThat(calendar.nextWindowStart(berlin("2026-12-24T17:00"))).contains(berlin("2026-12-28T09:00"));
    }

    @Nested
    class HolidayRules {

        final Holidays wednesdayOff = Holidays.of(Set.of(LocalDate.of(2026, 5, 6)));
        final List<WeeklyWindow> withSunday = withSundayMorning();

        @Test
        void treatedAsSundayOpensTheSundayWindows() {
            assertThat(wednesday(new BusinessHours(BERLIN, withSunday, HolidayRule.TREATED_AS_SUNDAY)))
                    .isEqualTo(hours(4));
        }

        @Test
        void ownWindowsOpenTheHolidayWindows() {
            assertThat(wednesday(new BusinessHours(BERLIN, withSunday, HolidayRule.OWN_WINDOWS,
                    List.of(new DailyWindow(LocalTime.of(12, 0), LocalTime.of(13, 30)))))).isEqualTo(minutes(90));
        }

        @Test
        void noCoverageOpensNothing() {
            assertThat(wednesday(new BusinessHours(BERLIN, withSunday, HolidayRule.NONE))).isZero();
        }

        @Test
        void aWindowBelongsToTheDayItStartsOn() {
            List<WeeklyWindow> nights = List.of(window(TUESDAY, "22:00", "02:00"), window(WEDNESDAY, "22:00", "02:00"));
            BusinessCalendar calendar = new BusinessCalendar(
                    new BusinessHours(BERLIN, nights, HolidayRule.NONE), wednesdayOff);
            // Tuesday's window runs into the holiday; the holiday's own window does not open
            assertThat(calendar.isBusinessTime(berlin("2026-05-06T01:00"))).isTrue();
            assertThat(calendar.isBusinessTime(berlin("2026-05-06T23:00"))).isFalse();
            assertThat(calendar.between(berlin("2026-05-05T00:00"), berlin("2026-05-08T00:00"))).isEqualTo(hours(4));
        }

        @Test
        void overlappingWindowsOfAHolidayAndTheDayBeforeCountOnce() {
            List<WeeklyWindow> windows = List.of(window(TUESDAY, "22:00", "02:00"), window(SUNDAY, "00:00", "06:00"));
            BusinessCalendar calendar = new BusinessCalendar(
                    new BusinessHours(BERLIN, windows, HolidayRule.TREATED_AS_SUNDAY), wednesdayOff);
            assertThat(calendar.between(berlin("2026-05-05T00:00"), berlin("2026-05-07T00:00"))).isEqualTo(hours(8));
            assertThat(calendar.add(berlin("2026-05-05T22:00"), hours(8))).isEqualTo(berlin("2026-05-06T06:00"));
        }

        private Duration wednesday(BusinessHours hours) {
            return new BusinessCalendar(hours, wednesdayOff)
                    .between(berlin("2026-05-06T00:00"), berlin("2026-05-07T00:00"));
        }

        private static List<WeeklyWindow> withSundayMorning() {
            List<WeeklyWindow> windows = officeHours();
            windows.add(window(SUNDAY, "10:00", "14:00"));
            return windows;
        }
    }

    @Nested
    class AcrossMidnight {

        final BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(BERLIN,
                List.of(window(FRIDAY, "18:00", "02:00")), HolidayRule.NONE), Holidays.none());

        @Test
        void fridayNightRunsIntoSaturday() {
            assertThat(calendar.isBusinessTime(berlin("2026-03-07T01:59"))).isTrue();
            assertThat(calendar.isBusinessTime(berlin("2026-03-07T02:00"))).isFalse();
            assertThat(calendar.between(berlin("2026-03-07T00:00"), berlin("2026-03-08T00:00"))).isEqualTo(hours(2));
        }

        @Test
        void addingContinuesInTheNextWeeksWindow() {
            assertThat(calendar.add(berlin("2026-03-06T23:00"), hours(3))).isEqualTo(berlin("2026-03-07T02:00"));
            assertThat(calendar.add(berlin("2026-03-06T23:00"), hours(4))).isEqualTo(berlin("2026-03-13T19:00"));
            assertThat(calendar.add(berlin("2026-03-07T01:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-07T01:00"));
        }
    }

    @Nested
    class DaylightSavingTime {

        final BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(BERLIN,
                List.of(window(SUNDAY, "01:00", "04:00")), HolidayRule.NONE), Holidays.none());

        @Test
        void aThreeHourWindowLastsTwoRealHoursWhenClocksGoForward() {
            assertThat(sunday("2026-03-22")).isEqualTo(hours(3));
            assertThat(sunday("2026-03-29")).isEqualTo(hours(2));
            assertThat(calendar.add(berlin("2026-03-29T01:30"), hours(1))).isEqualTo(berlin("2026-03-29T03:30"));
        }

        @Test
        void aThreeHourWindowLastsFourRealHoursWhenClocksGoBack() {
            assertThat(sunday("2026-10-25")).isEqualTo(hours(4));
            // 01:00 CEST is 23:00 UTC; three and a half hours later it is 03:30 CET
            assertThat(calendar.add(berlin("2026-10-25T01:00"), minutes(210)))
                    .isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
        }

        @Test
        void aWindowStartingInTheGapStartsAtTheShiftedInstant() {
            BusinessCalendar gap = new BusinessCalendar(new BusinessHours(BERLIN,
                    List.of(window(SUNDAY, "02:30", "05:00")), HolidayRule.NONE), Holidays.none());
            assertThat(gap.nextWindowStart(berlin("2026-03-29T00:00"))).contains(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(gap.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(minutes(90));
        }

        @Test
        void aWindowInsideTheGapMovesWithItAndOneEndingInItVanishes() {
            BusinessCalendar inside = new BusinessCalendar(new BusinessHours(BERLIN,
                    List.of(window(SUNDAY, "02:15", "02:45")), HolidayRule.NONE), Holidays.none());
            assertThat(inside.nextWindowStart(berlin("2026-03-29T00:00"))).contains(berlin("2026-03-29T03:15"));
            assertThat(inside.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(minutes(30));

            BusinessCalendar endingInGap = new BusinessCalendar(new BusinessHours(BERLIN,
                    List.of(window(SUNDAY, "02:30", "03:00")), HolidayRule.NONE), Holidays.none());
            assertThat(endingInGap.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isZero();
            assertThat(endingInGap.nextWindowStart(berlin("2026-03-29T00:00"))).contains(berlin("2026-04-05T02:30"));
        }

        private Duration sunday(String date) {
            LocalDate day = LocalDate.parse(date);
            return calendar.between(day.atStartOfDay(BERLIN).toInstant(), day.plusDays(1).atStartOfDay(BERLIN).toInstant());
        }
    }

    @Nested
    class Horizon {

        @Test
        void withoutWindowsAddingFailsAndThereIsNoNextStart() {
            BusinessCalendar closed = new BusinessCalendar(
                    new BusinessHours(BERLIN, List.of(), HolidayRule.NONE), Holidays.none());
            assertThatIllegalStateException().isThrownBy(() -> closed.add(berlin("2026-03-06T16:00"), minutes(1)))
                    .withMessageStartingWith("no business time within 732 days after 2026-03-06T15:00:00Z");
            assertThat(closed.nextWindowStart(berlin("2026-03-06T16:00"))).isEmpty();
            assertThat(closed.between(berlin("2026-01-01T00:00"), berlin("2031-01-01T00:00"))).isZero();
        }

        @Test
        void aroundTheClockBusinessTimeNeverStartsAgain() {
            List<WeeklyWindow> always = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                always.add(window(day, "00:00", "12:00"));
                always.add(window(day, "12:00", "00:00"));
            }
            BusinessCalendar calendar = new BusinessCalendar(
                    new BusinessHours(BERLIN, always, HolidayRule.NONE), Holidays.none());
            Instant start = berlin("2026-03-06T16:00");
            assertThat(calendar.nextWindowStart(start)).isEmpty();
            assertThat(calendar.add(start, Duration.ofDays(30))).isEqualTo(start.plus(Duration.ofDays(30)));
        }
    }

    static WeeklyWindow window(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
