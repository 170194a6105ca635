package com.agencyhub.businesstime;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.guidelines.PublishedSlaPolicies;
import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.StrategyStatus;
import com.agencyhub.strategy.StrategyVersion;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's pinning in memory: which versions were in force at an instant, and the worked SLA examples on
 * them (a Friday evening, Christmas in Bavaria, the spring DST weekend, a window crossing midnight, a calendar-hours
 * policy).
 */
class SlaHistoryTest {

    private static final BrandId BRAND = new BrandId(UUID.randomUUID());
    private static final Instant FIRST_PUBLISHED = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant SECOND_PUBLISHED = Instant.parse("2027-01-15T00:00:00Z");

    private static final List<WeeklyWindow> WEEKDAYS = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(day -> new WeeklyWindow(day, LocalTime.of(8, 0), LocalTime.of(18, 0))).toList();

    @Test
    void theVersionsInForceAtAnInstantAreTheNewestBeforeItOrBeforeTheFirstTheFirst() {
        SlaHistory history = history("DE-BY", WEEKDAYS);
        assertThat(history.guidelinesAt(Instant.parse("2026-01-01T00:00:00Z")).orElseThrow().versionNumber())
                .isEqualTo(1);
        assertThat(history.guidelinesAt(SECOND_PUBLISHED.minusNanos(1)).orElseThrow().versionNumber()).isEqualTo(1);
        assertThat(history.guidelinesAt(SECOND_PUBLISHED).orElseThrow().versionNumber()).isEqualTo(2);
        assertThat(history.strategyAt(SECOND_PUBLISHED).orElseThrow().number()).isEqualTo(1);
        SlaHistory none = new SlaHistory(brand(null), List.of(), List.of());
        assertThat(none.guidelinesAt(SECOND_PUBLISHED)).isEmpty();
        assertThat(none.dueTimes(SECOND_PUBLISHED, SlaPolicy.Priority.NORMAL)).isEmpty();
        assertThat(none.insideCoverage(SECOND_PUBLISHED)).isFalse();
    }

    @Test
    void aFridayEveningComplaintIsDueOnMonday() {
        DueTimes due = history(null, WEEKDAYS).dueTimes(Instant.parse("2026-11-27T16:30:00Z"), SlaPolicy.Priority.NORMAL)
                .orElseThrow();
        assertThat(due.firstResponseDueAt()).isEqualTo("2026-11-30T07:30:00Z");
        assertThat(due.guidelinesVersion()).isEqualTo(1);
        assertThat(due.strategyVersion()).isEqualTo(1);
    }

    @Test
    void christmasInBavariaWaitsForTheMondayAfter() {
        // Thursday 24 December 17:30: Friday 25 and Saturday 26 are holidays (treated as Sunday: no windows)
        DueTimes due = history("DE-BY", WEEKDAYS).dueTimes(Instant.parse("2026-12-24T16:30:00Z"),
                SlaPolicy.Priority.NORMAL).orElseThrow();
        assertThat(due.firstResponseDueAt()).isEqualTo("2026-12-28T07:30:00Z");
    }

    @Test
    void theSpringDstWeekendMovesTheDueInstantByAnHour() {
        // Friday 26 March 2027 17:50 CET under the second guidelines (15 minutes): 10 on Friday, 5 on Monday 29 March
        // from 08:00, which is CEST (UTC+2)
        DueTimes due = history(null, WEEKDAYS).dueTimes(Instant.parse("2027-03-26T16:50:00Z"),
                SlaPolicy.Priority.NORMAL).orElseThrow();
        assertThat(due.guidelinesVersion()).isEqualTo(2);
        assertThat(due.firstResponseDueAt()).isEqualTo("2027-03-29T06:05:00Z");
    }

    @Test
    void aWindowCrossingMidnightCountsIntoTheNextDay() {
        SlaHistory history = history(null, List.of(new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(18, 0),
                LocalTime.of(2, 0))));
        // Friday 23:30 in Berlin + 60 minutes = Saturday 00:30
        DueTimes due = history.dueTimes(Instant.parse("2026-11-27T22:30:00Z"), SlaPolicy.Priority.NORMAL)
                .orElseThrow();
        assertThat(due.firstResponseDueAt()).isEqualTo("2026-11-27T23:30:00Z");
        assertThat(history.insideCoverage(Instant.parse("2026-11-28T00:59:59Z"))).isTrue();
        assertThat(history.insideCoverage(Instant.parse("2026-11-28T01:00:00Z"))).isFalse();
    }

    @Test
    void aCalendarHoursPolicyCountsAroundTheClockWithoutAStrategy() {
        DueTimes due = history(null, WEEKDAYS).dueTimes(Instant.parse("2026-11-28T20:00:00Z"), SlaPolicy.Priority.LOW)
                .orElseThrow();
        assertThat(due.firstResponseDueAt()).isEqualTo("2026-11-29T20:00:00Z");
        assertThat(due.strategyVersion()).isNull();
    }

    private static SlaHistory history(String region, List<WeeklyWindow> windows) {
        List<SlaPolicy> first = List.of(new SlaPolicy(SlaPolicy.Priority.NORMAL, 60, 240, SlaPolicy.Clock.BUSINESS,
                        SlaConditions.NONE),
                new SlaPolicy(SlaPolicy.Priority.LOW, 1440, 2880, SlaPolicy.Clock.CALENDAR, SlaConditions.NONE));
        List<SlaPolicy> second = List.of(new SlaPolicy(SlaPolicy.Priority.NORMAL, 15, 60, SlaPolicy.Clock.BUSINESS,
                SlaConditions.NONE));
        StrategyContent content = new StrategyContent(List.of(), List.of(), List.of(), List.of(), List.of(),
                new StrategyContent.MonitoringRequirement(windows, HolidayRule.TREATED_AS_SUNDAY, List.of(), 0, 0));
        return new SlaHistory(brand(region), List.of(new PublishedSlaPolicies(BRAND, 1, FIRST_PUBLISHED, first),
                new PublishedSlaPolicies(BRAND, 2, SECOND_PUBLISHED, second)),
                List.of(new StrategyVersion(BRAND, 1, StrategyStatus.APPROVED, content, FIRST_PUBLISHED,
                        FIRST_PUBLISHED, FIRST_PUBLISHED, null, 1)));
    }

    private static BrandRef brand(String region) {
        return new BrandRef(BRAND, "Alpenmilch", ZoneId.of("Europe/Berlin"), BrandStatus.ACTIVE, region);
    }
}
