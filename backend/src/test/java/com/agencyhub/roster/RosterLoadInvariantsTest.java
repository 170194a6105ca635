package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.calendar.RegionHolidays;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static com.agencyhub.shared.calendar.TimeClass.HOLIDAY;
import static com.agencyhub.shared.calendar.TimeClass.NIGHT;
import static com.agencyhub.shared.calendar.TimeClass.WEEKDAY_EVENING;
import static com.agencyhub.shared.calendar.TimeClass.WEEKEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Invariants of {@link LoadCalculator} over random agencies: members at home in Berlin or New York with random working
 * hours and rules, duty on three brands with different holidays, weeks around the DST changes, Corpus Christi and
 * Christmas. Each case is seeded with its number from 0, so a failure names the case to rerun.
 */
class RosterLoadInvariantsTest {

    private static final int CASES = 200;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
    private static final List<LocalDate> WEEKS = List.of(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 22),
            LocalDate.of(2027, 5, 24), LocalDate.of(2027, 10, 25), LocalDate.of(2027, 11, 1),
            LocalDate.of(2027, 12, 20));
    /** In Bavaria, in the United States, and in Japan without holidays. */
    private static final List<BrandId> BRAND_IDS =
            IntStream.range(1, 4).mapToObj(i -> new BrandId(new UUID(0, i))).toList();
    private static final Map<BrandId, BrandHolidays> BRANDS = Map.of(
            BRAND_IDS.get(0), new BrandHolidays(ZoneId.of("Europe/Berlin"), RegionHolidays.of("DE-BY")),
            BRAND_IDS.get(1), new BrandHolidays(ZoneId.of("America/New_York"), RegionHolidays.of("US")),
            BRAND_IDS.get(2), new BrandHolidays(ZoneId.of("Asia/Tokyo"), Holidays.none()));

    @Test
    void noFigureOfAMemberExceedsTheTimeOnDuty() {
        for (int seed = 0; seed < CASES; seed++) {
            RandomAgency agency = new RandomAgency(seed);
            for (MemberWeekLoad load : agency.week().members()) {
                Supplier<String> described = () -> agency + ": " + load;
                long onDuty = load.onDutyMinutes();
                assertThat(onDuty).as(described)
                        .isLessThanOrEqualTo(load.range().duration().toMinutes())
                        .isLessThanOrEqualTo(agency.dutyMinutesWithin(load.member(), load.range()));
                assertThat(load.outsideWorkingHoursMinutes()).as(described).isLessThanOrEqualTo(onDuty);
                assertThat(load.unsocialMinutes()).as(described).isLessThanOrEqualTo(onDuty)
                        .isGreaterThanOrEqualTo(load.outsideWorkingHoursMinutes())
                        .isGreaterThanOrEqualTo(load.minutes(WEEKEND))
                        .isGreaterThanOrEqualTo(load.minutes(HOLIDAY))
                        // each of the three is rounded down on its own
                        .isLessThanOrEqualTo(load.outsideWorkingHoursMinutes() + load.minutes(WEEKEND)
                                + load.minutes(HOLIDAY) + 2);
                assertThat(load.minutes(WEEKEND) + load.minutes(HOLIDAY) + load.minutes(WEEKDAY_EVENING)
                        + load.minutes(NIGHT)).as(described).isLessThanOrEqualTo(onDuty);
                long classified = load.minutesByTimeClass().values().stream().mapToLong(Long::longValue).sum();
                assertThat(classified).as(described).isBetween(onDuty - 4, onDuty);
                assertThat(load.daysOnDuty()).as(described).hasSizeLessThanOrEqualTo(7)
                        .allMatch(day -> IsoWeek.of(day).equals(load.week()));
                assertThat(load.longestRunDays()).as(described)
                        .isBetween(load.daysOnDuty().isEmpty() ? 0 : 1, LoadCalculator.LOOKBACK_DAYS + 7);
            }
        }
    }

    @Test
    void watchingASecondBrandAtTheSameTimeAddsNoTime() {
        for (int seed = 0; seed < CASES; seed++) {
            RandomAgency agency = new RandomAgency(seed);
            BrandId withoutHolidays = BRAND_IDS.get(2);
            List<Duty> doubled = new ArrayList<>(agency.duties);
            agency.duties.forEach(duty -> doubled.add(new Duty(duty.member(), withoutHolidays, duty.interval())));
            for (WorkerProfile member : agency.members) {
                MemberWeekLoad once = LoadCalculator.memberWeek(member, agency.week, agency.duties, BRANDS);
                MemberWeekLoad twice = LoadCalculator.memberWeek(member, agency.week, doubled, BRANDS);
                assertThat(twice).as("%s", agency).isEqualTo(once);
            }
        }
    }

    @Test
    void theGiniIsBetweenZeroAndOneAndTheOrderOfMembersDoesNotMatter() {
        for (int seed = 0; seed < CASES; seed++) {
            RandomAgency agency = new RandomAgency(seed);
            Fairness fairness = agency.week().fairness();
            int n = agency.members.size();
            Supplier<String> described = () -> agency + ": " + fairness;
            assertThat(fairness.gini()).as(described).isBetween(0.0, (n - 1.0) / n + 1e-12);
            double shares = fairness.shares().stream().mapToDouble(Fairness.Share::share).sum();
            assertThat(shares).as(described).satisfiesAnyOf(sum -> assertThat(sum).isZero(),
                    sum -> assertThat(sum).isCloseTo(1.0, within(1e-9)));

            List<WorkerProfile> shuffled = new ArrayList<>(agency.members);
            Collections.shuffle(shuffled, new Random(seed));
            Fairness permuted = LoadCalculator.agencyWeek(shuffled, agency.week, agency.duties, BRANDS).fairness();
            assertThat(permuted.gini()).as(described).isEqualTo(fairness.gini());
            assertThat(permuted.shares()).as(described).containsExactlyInAnyOrderElementsOf(fairness.shares());
        }
    }

    /** Up to five members with up to 25 duties each, from the look-back before a week to the day after it. */
    private static final class RandomAgency {

        private final long seed;
        private final Random random;
        private final IsoWeek week;
        private final List<WorkerProfile> members = new ArrayList<>();
        private final List<Duty> duties = new ArrayList<>();

        RandomAgency(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.week = IsoWeek.of(WEEKS.get(random.nextInt(WEEKS.size())));
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                WorkerProfile member = member(new UserId(new UUID(1, members.size())));
                members.add(member);
                Instant lookBack = week.monday().minusDays(LoadCalculator.LOOKBACK_DAYS + 2)
                        .atStartOfDay(member.homeZone()).toInstant();
                for (int j = random.nextInt(26); j > 0; j--) {
                    Instant start = lookBack.plus(Duration.ofMinutes(random.nextInt(24 * 24 * 60)));
                    duties.add(new Duty(member.member(), BRAND_IDS.get(random.nextInt(BRAND_IDS.size())),
                            new Interval(start, start.plus(Duration.ofMinutes(15 + random.nextInt(14 * 60))))));
                }
            }
        }

        AgencyWeekLoad week() {
            return LoadCalculator.agencyWeek(members, week, duties, BRANDS);
        }

        /** The member's duty in {@code range}, each piece counted however often it overlaps others. */
        long dutyMinutesWithin(UserId member, Interval range) {
            return duties.stream().filter(duty -> duty.member().equals(member))
                    .mapToLong(duty -> LoadCalculator.union(List.of(duty), range).stream()
                            .mapToLong(stretch -> stretch.duration().toMinutes()).sum())
                    .sum();
        }

        private WorkerProfile member(UserId id) {
            List<WeeklyWindow> hours = new ArrayList<>();
            for (int i = random.nextInt(7); i > 0; i--) {
                List<WeeklyWindow> candidate = new ArrayList<>(hours);
                candidate.add(new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(7)),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2)),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2))));
                if (WeeklyWindows.problems(candidate).isEmpty()) {
                    hours = candidate;
                }
            }
            List<BigDecimal> capacities = List.of(BigDecimal.valueOf(10), BigDecimal.valueOf(20),
                    new BigDecimal("32.5"), BigDecimal.valueOf(40));
            return new WorkerProfile(id, ZONES.get(random.nextInt(ZONES.size())), hours,
                    random.nextBoolean() ? null : capacities.get(random.nextInt(capacities.size())),
                    random.nextBoolean() ? null : BigDecimal.valueOf(30 + random.nextInt(30)),
                    random.nextBoolean() ? null : 1 + random.nextInt(7), random.nextBoolean() ? 0 : 660);
        }

        @Override
        public String toString() {
            return "agency #" + seed + " in " + week + " " + IntStream.range(0, members.size())
                    .mapToObj(i -> members.get(i).homeZone().getId()).toList();
        }
    }
}
