package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.calendar.RegionHolidays;
import com.agencyhub.shared.calendar.WeeklyWindow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.agencyhub.shared.calendar.TimeClass.HOLIDAY;
import static com.agencyhub.shared.calendar.TimeClass.NIGHT;
import static com.agencyhub.shared.calendar.TimeClass.WEEKDAY_DAYTIME;
import static com.agencyhub.shared.calendar.TimeClass.WEEKDAY_EVENING;
import static com.agencyhub.shared.calendar.TimeClass.WEEKEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The worked examples of issue 12's load and fairness: minutes, days, working-time rules and the Gini coefficient. */
class RosterLoadCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A brand in Bavaria, where Corpus Christi (27 May 2027) is a public holiday. */
    private static final BrandId BAVARIAN = new BrandId(new UUID(0, 1));
    /** A brand in Berlin, where it is not. */
    private static final BrandId BERLINER = new BrandId(new UUID(0, 2));
    private static final Map<BrandId, BrandHolidays> BRANDS = Map.of(
            BAVARIAN, new BrandHolidays(BERLIN, RegionHolidays.of("DE-BY")),
            BERLINER, new BrandHolidays(BERLIN, RegionHolidays.of("DE-BE")));
    private static final UserId ANNA = member("anna");
    private static final UserId BEN = member("ben");
    private static final UserId CARLA = member("carla");
    private static final UserId DANA = member("dana");
    /** Monday to Friday 09:00–17:00. */
    private static final List<WeeklyWindow> OFFICE = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(day -> new WeeklyWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();

    private final List<Duty> duties = new ArrayList<>();

    @Test
    void aWeekendShiftInBerlinIsWeekendTimeAndOnlyRequiredTimeIsDuty() {
        Rotation allWeek = new Rotation("all-week", 0, List.of(ANNA), 7, LocalTime.of(9, 0), LocalDate.of(2027, 3, 1),
                BERLIN, List.of(), Set.of(BERLINER));
        List<Interval> required = List.of(interval("2027-03-05T17:00", "2027-03-05T23:00"),
                interval("2027-03-06T10:00", "2027-03-06T18:00"), interval("2027-03-07T10:00", "2027-03-07T18:00"));
        List<Segment> timeline = RosterResolver.resolve(new RosterInput(BERLINER, List.of(allWeek), List.of(),
                List.of(), List.of(), required), berlin("2027-03-01T09:00"), berlin("2027-03-08T09:00"));
        duties.addAll(LoadCalculator.duties(BERLINER, timeline));

        MemberWeekLoad load = week(profile(ANNA), "2027-03-01");

        // the 24/7 layer is on duty all week, but work is only what the brand requires: 6 + 8 + 8 hours
        assertThat(load.onDutyMinutes()).isEqualTo(22 * 60);
        assertThat(load.minutesByTimeClass()).containsExactly(
                entry(WEEKDAY_DAYTIME, 60L), entry(WEEKDAY_EVENING, 240L), entry(NIGHT, 60L),
                entry(WEEKEND, 960L), entry(HOLIDAY, 0L));
        assertThat(load.outsideWorkingHoursMinutes()).isEqualTo(22 * 60);
        assertThat(load.unsocialMinutes()).isEqualTo(22 * 60);
        assertThat(load.daysOnDuty()).containsExactly(LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 6),
                LocalDate.of(2027, 3, 7));
        assertThat(load.longestRunDays()).isEqualTo(3);
        // Friday 23:00 to Saturday 10:00 is exactly the 11 hours of rest required
        assertThat(load.violations()).isEmpty();
    }

    @Test
    void aWholeWeekOnDutyHas167HoursInSpringAnd169InAutumnInBerlin() {
        WorkerProfile anna = new WorkerProfile(ANNA, BERLIN, OFFICE, null, BigDecimal.valueOf(48), null, 660);
        duties.add(duty(ANNA, BERLINER, "2027-03-22T00:00", "2027-03-29T00:00"));
        duties.add(duty(ANNA, BERLINER, "2027-10-25T00:00", "2027-11-01T00:00"));

        MemberWeekLoad spring = week(anna, "2027-03-22");
        assertThat(spring.range().duration().toHours()).isEqualTo(167);
        assertThat(spring.onDutyMinutes()).isEqualTo(167 * 60);
        // Friday 26 March is Good Friday and Sunday 28 March has 23 hours; on the four other working days night is
        // 00–06 and 22–24, evening 18–22
        assertThat(spring.minutesByTimeClass()).containsExactly(
                entry(WEEKDAY_DAYTIME, 4 * 12 * 60L), entry(WEEKDAY_EVENING, 4 * 4 * 60L), entry(NIGHT, 4 * 8 * 60L),
                entry(WEEKEND, (24 + 23) * 60L), entry(HOLIDAY, 24 * 60L));
        assertThat(spring.outsideWorkingHoursMinutes()).isEqualTo((167 - 5 * 8) * 60);
        // Good Friday's office hours are not outside working hours, but holiday time all the same
        assertThat(spring.unsocialMinutes()).isEqualTo((167 - 4 * 8) * 60);
        assertThat(spring.daysOnDuty()).hasSize(7);
        assertThat(spring.longestRunDays()).isEqualTo(7);
        assertThat(spring.violations()).containsExactly(new WorkingTimeViolation(
                WorkingTimeViolation.Rule.MAX_HOURS_PER_WEEK, 48 * 60, 167 * 60, spring.range()));

        MemberWeekLoad autumn = week(anna, "2027-10-25");
        assertThat(autumn.range().duration().toHours()).isEqualTo(169);
        assertThat(autumn.onDutyMinutes()).isEqualTo(169 * 60);
        assertThat(autumn.minutesByTimeClass()).containsExactly(
                entry(WEEKDAY_DAYTIME, 5 * 12 * 60L), entry(WEEKDAY_EVENING, 5 * 4 * 60L), entry(NIGHT, 5 * 8 * 60L),
                entry(WEEKEND, (24 + 25) * 60L), entry(HOLIDAY, 0L));
        assertThat(autumn.unsocialMinutes()).isEqualTo((169 - 5 * 8) * 60);
    }

    @Test
    void aMinuteOnAHolidayOfTheBrandWatchedIsHolidayTimeAndUnsocialOnce() {
        // Thursday 27 May 2027 is Corpus Christi in Bavaria, a working day in Berlin
        duties.add(duty(ANNA, BAVARIAN, "2027-05-27T08:00", "2027-05-27T12:00"));
        duties.add(duty(ANNA, BERLINER, "2027-05-27T10:00", "2027-05-27T14:00"));

        MemberWeekLoad load = week(profile(ANNA), "2027-05-24");

        assertThat(load.onDutyMinutes()).isEqualTo(6 * 60);
        assertThat(load.minutes(HOLIDAY)).isEqualTo(4 * 60);
        assertThat(load.minutes(WEEKDAY_DAYTIME)).isEqualTo(2 * 60);
        assertThat(load.outsideWorkingHoursMinutes()).isEqualTo(60);
        // 08:00–09:00 is both outside working hours and on the holiday
        assertThat(load.unsocialMinutes()).isEqualTo(4 * 60);
    }

    @Test
    void whetherItIsAHolidayDependsOnTheDateInTheBrandsZone() {
        // 20:00–24:00 on Wednesday 26 May in New York is 02:00–06:00 on Corpus Christi in Germany
        WorkerProfile ben = new WorkerProfile(BEN, NEW_YORK, List.of(), null, null, null, 0);
        duties.add(duty(BEN, BERLINER, "2027-05-27T02:00", "2027-05-27T06:00"));
        MemberWeekLoad berliner = week(ben, "2027-05-24");
        assertThat(berliner.minutes(WEEKDAY_EVENING)).isEqualTo(2 * 60);
        assertThat(berliner.minutes(NIGHT)).isEqualTo(2 * 60);
        assertThat(berliner.minutes(HOLIDAY)).isZero();

        duties.clear();
        duties.add(duty(BEN, BAVARIAN, "2027-05-27T02:00", "2027-05-27T06:00"));
        MemberWeekLoad bavarian = week(ben, "2027-05-24");
        assertThat(bavarian.minutes(HOLIDAY)).isEqualTo(4 * 60);
        assertThat(bavarian.minutes(WEEKDAY_EVENING) + bavarian.minutes(NIGHT)).isZero();
        assertThat(bavarian.daysOnDuty()).containsExactly(LocalDate.of(2027, 5, 26));
    }

    @Test
    void overlappingDutyOnTwoBrandsCountsOnce() {
        duties.add(duty(ANNA, BAVARIAN, "2027-03-02T09:00", "2027-03-02T17:00"));
        duties.add(duty(ANNA, BERLINER, "2027-03-02T13:00", "2027-03-02T21:00"));

        MemberWeekLoad load = week(profile(ANNA), "2027-03-01");

        assertThat(load.onDutyMinutes()).isEqualTo(12 * 60);
        assertThat(load.minutes(WEEKDAY_DAYTIME)).isEqualTo(9 * 60);
        assertThat(load.minutes(WEEKDAY_EVENING)).isEqualTo(3 * 60);
        assertThat(load.outsideWorkingHoursMinutes()).isEqualTo(4 * 60);
        assertThat(load.unsocialMinutes()).isEqualTo(4 * 60);
        assertThat(load.daysOnDuty()).containsExactly(LocalDate.of(2027, 3, 2));
    }

    @Test
    void tenDaysInARowBreakTheConsecutiveDaysRuleInTheWeekTheRunReaches() {
        WorkerProfile anna = new WorkerProfile(ANNA, BERLIN, OFFICE, null, null, 6, 660);
        for (LocalDate day = LocalDate.of(2027, 2, 26); day.isBefore(LocalDate.of(2027, 3, 8)); day = day.plusDays(1)) {
            duties.add(new Duty(ANNA, BERLINER, new Interval(day.atTime(9, 0).atZone(BERLIN).toInstant(),
                    day.atTime(17, 0).atZone(BERLIN).toInstant())));
        }

        MemberWeekLoad before = week(anna, "2027-02-22");
        assertThat(before.longestRunDays()).isEqualTo(3);
        assertThat(before.violations()).isEmpty();

        MemberWeekLoad load = week(anna, "2027-03-01");
        assertThat(load.daysOnDuty()).hasSize(7);
        assertThat(load.longestRunDays()).isEqualTo(10);
        assertThat(load.violations()).containsExactly(new WorkingTimeViolation(
                WorkingTimeViolation.Rule.MAX_CONSECUTIVE_DAYS, 6, 10,
                interval("2027-02-26T00:00", "2027-03-08T00:00")));
    }

    @Test
    void aShortRestBetweenAnEveningAndAnEarlyShiftIsReportedInTheWeekTheNextShiftBegins() {
        WorkerProfile anna = new WorkerProfile(ANNA, BERLIN, OFFICE, null, null, null, 11 * 60);
        duties.add(duty(ANNA, BERLINER, "2027-03-02T18:00", "2027-03-02T23:00"));
        duties.add(duty(ANNA, BAVARIAN, "2027-03-03T06:00", "2027-03-03T14:00"));
        duties.add(duty(ANNA, BERLINER, "2027-03-07T20:00", "2027-03-08T00:00"));
        duties.add(duty(ANNA, BERLINER, "2027-03-08T07:00", "2027-03-08T15:00"));

        assertThat(week(anna, "2027-03-01").violations()).containsExactly(new WorkingTimeViolation(
                WorkingTimeViolation.Rule.MIN_REST, 660, 7 * 60, interval("2027-03-02T23:00", "2027-03-03T06:00")));
        assertThat(week(anna, "2027-03-08").violations()).containsExactly(new WorkingTimeViolation(
                WorkingTimeViolation.Rule.MIN_REST, 660, 7 * 60, interval("2027-03-08T00:00", "2027-03-08T07:00")));
    }

    @Test
    void twoMembersWithEqualUnsocialLoadAreSpreadEvenly() {
        duties.add(duty(ANNA, BERLINER, "2027-03-06T10:00", "2027-03-06T18:00"));
        duties.add(duty(BEN, BERLINER, "2027-03-07T10:00", "2027-03-07T18:00"));

        Fairness fairness = agencyWeek(List.of(profile(ANNA), profile(BEN)), "2027-03-01").fairness();

        assertThat(fairness.gini()).isZero();
        assertThat(fairness.shares()).extracting(Fairness.Share::member, Fairness.Share::unsocialMinutes,
                Fairness.Share::share).containsExactly(
                tuple(ANNA, 480L, 0.5), tuple(BEN, 480L, 0.5));
    }

    @Test
    void oneOfFourMembersCarryingAllGivesThreeQuarters() {
        duties.add(duty(ANNA, BERLINER, "2027-03-06T10:00", "2027-03-07T18:00"));
        duties.add(duty(BEN, BERLINER, "2027-03-02T10:00", "2027-03-02T16:00"));

        AgencyWeekLoad agency = agencyWeek(List.of(profile(ANNA), profile(BEN), profile(CARLA), profile(DANA)),
                "2027-03-01");

        // Ben's duty lies in his working hours, Carla and Dana have none: in any rotation, they count with nothing
        assertThat(agency.fairness().gini()).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(agency.fairness().shares()).extracting(Fairness.Share::share).containsExactly(1.0, 0.0, 0.0, 0.0);
        assertThat(agency.members()).extracting(MemberWeekLoad::member).containsExactly(ANNA, BEN, CARLA, DANA);
    }

    @Test
    void aPartTimerWithHalfTheLoadOfAFullTimerCarriesAnEqualShare() {
        WorkerProfile dana = new WorkerProfile(DANA, BERLIN, OFFICE, BigDecimal.valueOf(20), null, null, 0);
        WorkerProfile anna = new WorkerProfile(ANNA, BERLIN, OFFICE, BigDecimal.valueOf(40), null, null, 0);
        duties.add(duty(DANA, BERLINER, "2027-03-06T10:00", "2027-03-06T14:00"));
        duties.add(duty(ANNA, BERLINER, "2027-03-07T10:00", "2027-03-07T18:00"));

        Fairness fairness = agencyWeek(List.of(dana, anna), "2027-03-01").fairness();

        assertThat(fairness.gini()).isZero();
        assertThat(fairness.shares()).extracting(Fairness.Share::unsocialMinutes,
                Fairness.Share::unsocialMinutesPerCapacityHour, Fairness.Share::share).containsExactly(
                tuple(240L, 12.0, 0.5), tuple(480L, 12.0, 0.5));
    }

    @Test
    void withNoUnsocialTimeAtAllTheSpreadIsEven() {
        duties.add(duty(ANNA, BERLINER, "2027-03-02T10:00", "2027-03-02T16:00"));

        Fairness fairness = agencyWeek(List.of(profile(ANNA), profile(BEN)), "2027-03-01").fairness();

        assertThat(fairness.gini()).isZero();
        assertThat(fairness.shares()).extracting(Fairness.Share::share).containsExactly(0.0, 0.0);
    }

    @Test
    void theInputsAreChecked() {
        duties.add(duty(ANNA, BERLINER, "2027-03-02T10:00", "2027-03-02T16:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> agencyWeek(List.of(profile(BEN)), "2027-03-01"))
                .withMessageContaining("duty of a member not listed");
        assertThatIllegalArgumentException().isThrownBy(() -> agencyWeek(List.of(profile(ANNA), profile(ANNA)),
                "2027-03-01")).withMessageContaining("member listed twice");
        duties.add(duty(ANNA, new BrandId(new UUID(0, 3)), "2027-03-02T10:00", "2027-03-02T16:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> week(profile(ANNA), "2027-03-01"))
                .withMessageContaining("no holidays given for brand");
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkerProfile(ANNA, BERLIN, List.of(),
                BigDecimal.ZERO, null, null, 0)).withMessageContaining("weekly capacity must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkerProfile(ANNA, BERLIN, List.of(), null, null,
                0, 0)).withMessageContaining("max consecutive days");
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkerProfile(ANNA, BERLIN,
                        List.of(OFFICE.get(0), OFFICE.get(0)), null, null, null, 0))
                .withMessageContaining("invalid working hours");
    }

    private MemberWeekLoad week(WorkerProfile member, String monday) {
        return LoadCalculator.memberWeek(member, IsoWeek.of(LocalDate.parse(monday)), duties, BRANDS);
    }

    private AgencyWeekLoad agencyWeek(List<WorkerProfile> members, String monday) {
        return LoadCalculator.agencyWeek(members, IsoWeek.of(LocalDate.parse(monday)), duties, BRANDS);
    }

    private static WorkerProfile profile(UserId member) {
        return new WorkerProfile(member, BERLIN, OFFICE, null, null, null, 11 * 60);
    }

    private static Duty duty(UserId member, BrandId brand, String from, String to) {
        return new Duty(member, brand, interval(from, to));
    }

    private static Interval interval(String from, String to) {
        return new Interval(berlin(from), berlin(to));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static UserId member(String name) {
        return new UserId(UUID.nameUUIDFromBytes(name.getBytes()));
    }
}
