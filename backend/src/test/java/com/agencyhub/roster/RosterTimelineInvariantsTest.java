package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of {@link RosterResolver} over random rosters: several layers, overrides, absences and required windows
 * around DST changes in Europe/Berlin and America/New_York. Each repetition uses its index as seed, so a failure names
 * the case to rerun.
 */
class RosterTimelineInvariantsTest {

    private static final int CASES = 300;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
    private static final List<LocalDate> AROUND = List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 28),
            LocalDate.of(2027, 10, 31), LocalDate.of(2027, 11, 7), LocalDate.of(2027, 6, 15));
    private static final BrandId BRAND = new BrandId(new UUID(1, 1));
    private static final BrandId OTHER_BRAND = new BrandId(new UUID(2, 2));
    private static final List<UserId> POOL = IntStream.range(0, 7).mapToObj(i -> new UserId(new UUID(0, 100 + i))).toList();

    @RepeatedTest(CASES)
    void theSegmentsFollowEachOtherAndCoverExactlyTheRange(RepetitionInfo repetition) {
        RandomRoster roster = new RandomRoster(repetition.getCurrentRepetition());
        List<Segment> segments = roster.resolve();
        String described = roster + ": " + segments;

        assertThat(segments).as(described).isNotEmpty();
        assertThat(segments.get(0).start()).as(described).isEqualTo(roster.from);
        assertThat(segments.get(segments.size() - 1).end()).as(described).isEqualTo(roster.to);
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).end()).as(described).isAfter(segments.get(i).start());
            if (i > 0) {
                assertThat(segments.get(i).start()).as(described).isEqualTo(segments.get(i - 1).end());
                assertThat(segments.get(i).sameStateAs(segments.get(i - 1))).as(described).isFalse();
            }
        }
        Coverage coverage = RosterResolver.coverage(segments);
        assertThat(coverage.covered().plus(coverage.gap()).plus(coverage.empty())).as(described)
                .isEqualTo(coverage.required());
    }

    @RepeatedTest(CASES)
    void insideAnOverrideItsMemberOrADeputyIsOnDuty(RepetitionInfo repetition) {
        RandomRoster roster = new RandomRoster(repetition.getCurrentRepetition());
        List<Segment> segments = roster.resolve();
        for (Instant instant : roster.samples(segments)) {
            Optional<ShiftOverride> override = roster.overrides.stream()
                    .filter(candidate -> candidate.brands().contains(BRAND))
                    .filter(candidate -> !candidate.from().isAfter(instant) && candidate.to().isAfter(instant))
                    .max(Comparator.comparing(ShiftOverride::createdAt));
            if (override.isEmpty()) {
                continue;
            }
            Segment segment = at(segments, instant);
            String described = roster + " at " + instant + ": " + segment;
            assertThat(segment.scheduled()).as(described).isEqualTo(override.get().member());
            if (roster.isAbsent(override.get().member(), instant)) {
                assertThat(segment.reason()).as(described).isIn(Segment.Reason.DEPUTY, null);
            } else {
                assertThat(segment.onDuty()).as(described).isEqualTo(override.get().member());
                assertThat(segment.reason()).as(described).isEqualTo(Segment.Reason.OVERRIDE);
            }
        }
    }

    @RepeatedTest(CASES)
    void nobodyAbsentIsOnDutyOrInTheDeputyChain(RepetitionInfo repetition) {
        RandomRoster roster = new RandomRoster(repetition.getCurrentRepetition());
        List<Segment> segments = roster.resolve();
        for (Instant instant : roster.samples(segments)) {
            Segment segment = at(segments, instant);
            String described = roster + " at " + instant + ": " + segment;
            if (segment.onDuty() != null) {
                assertThat(roster.isAbsent(segment.onDuty(), instant)).as(described).isFalse();
                assertThat(segment.deputyChain()).as(described).doesNotContain(segment.onDuty());
            }
            assertThat(segment.deputyChain()).as(described).hasSizeLessThanOrEqualTo(3)
                    .noneMatch(member -> roster.isAbsent(member, instant));
            assertThat(segment.status() == Segment.Status.EMPTY || segment.reason() == Segment.Reason.DEPUTY)
                    .as(described).isEqualTo(segment.scheduled() != null && roster.isAbsent(segment.scheduled(), instant));
        }
    }

    private static Segment at(List<Segment> segments, Instant instant) {
        return segments.stream().filter(segment -> !segment.start().isAfter(instant) && segment.end().isAfter(instant))
                .findFirst().orElseThrow(() -> new AssertionError("no segment at " + instant + ": " + segments));
    }

    /** A random roster for one brand and a range of up to three weeks around a DST change. */
    private static final class RandomRoster {

        private final long seed;
        private final Random random;
        private final ZoneId zone;
        private final Instant from;
        private final Instant to;
        private final List<Rotation> rotations = new ArrayList<>();
        private final List<ShiftOverride> overrides = new ArrayList<>();
        private final List<Absence> absences = new ArrayList<>();
        private final List<UserId> deputies = new ArrayList<>();
        private final List<Interval> required = new ArrayList<>();

        RandomRoster(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.zone = ZONES.get(random.nextInt(ZONES.size()));
            LocalDate around = AROUND.get(random.nextInt(AROUND.size()));
            this.from = around.minusDays(random.nextInt(8)).atTime(random.nextInt(24), 15 * random.nextInt(4))
                    .atZone(zone).toInstant();
            this.to = from.plus(Duration.ofMinutes(30 + random.nextInt(21 * 24 * 60)));
            int layers = 1 + random.nextInt(4);
            for (int i = 0; i < layers; i++) {
                rotations.add(rotation("layer" + i));
            }
            for (int i = random.nextInt(5); i > 0; i--) {
                Instant start = instantInRange();
                overrides.add(new ShiftOverride(member(), start, start.plus(length()),
                        random.nextInt(5) == 0 ? Set.of(OTHER_BRAND) : Set.of(BRAND, OTHER_BRAND),
                        random.nextBoolean() ? Optional.of(member()) : Optional.empty(),
                        Instant.parse("2027-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000))));
            }
            for (int i = random.nextInt(7); i > 0; i--) {
                Instant start = instantInRange();
                absences.add(new Absence(member(), AbsenceKind.values()[random.nextInt(AbsenceKind.values().length)],
                        start, start.plus(length()), random.nextBoolean()));
            }
            for (int i = random.nextInt(4); i > 0; i--) {
                UserId deputy = member();
                if (!deputies.contains(deputy)) {
                    deputies.add(deputy);
                }
            }
            for (int i = random.nextInt(5); i > 0; i--) {
                Instant start = instantInRange();
                required.add(new Interval(start, start.plus(length())));
            }
        }

        List<Segment> resolve() {
            return RosterResolver.resolve(new RosterInput(BRAND, rotations, overrides, absences, deputies, required),
                    from, to);
        }

        boolean isAbsent(UserId member, Instant instant) {
            return absences.stream().anyMatch(absence -> absence.counts() && absence.member().equals(member)
                    && !absence.from().isAfter(instant) && absence.to().isAfter(instant));
        }

        /** Every segment's first and last nanosecond, and random instants in the range. */
        List<Instant> samples(List<Segment> segments) {
            List<Instant> samples = new ArrayList<>();
            segments.forEach(segment -> samples.addAll(List.of(segment.start(), segment.end().minusNanos(1))));
            IntStream.range(0, 40).forEach(i -> samples.add(instantInRange()));
            return samples;
        }

        private Rotation rotation(String id) {
            List<UserId> members = new ArrayList<>(POOL);
            java.util.Collections.shuffle(members, random);
            List<WeeklyWindow> restriction = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                WeeklyWindow window = new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(7)),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2)),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2)));
                List<WeeklyWindow> candidate = new ArrayList<>(restriction);
                candidate.add(window);
                if (WeeklyWindows.problems(candidate).isEmpty()) {
                    restriction.add(window);
                }
            }
            int[] lengths = {1, 2, 7, 14};
            return new Rotation(id, random.nextInt(5), members.subList(0, 1 + random.nextInt(members.size())),
                    lengths[random.nextInt(lengths.length)], LocalTime.of(random.nextInt(24), 30 * random.nextInt(2)),
                    LocalDate.ofInstant(from, zone).plusDays(random.nextInt(9) - 6), zone, restriction, Set.of(BRAND));
        }

        private UserId member() {
            return POOL.get(random.nextInt(POOL.size()));
        }

        private Instant instantInRange() {
            return from.plusSeconds(random.nextLong(Duration.between(from, to).getSeconds()));
        }

        private Duration length() {
            return Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60));
        }

        @Override
        public String toString() {
            return "roster #" + seed + " in " + zone + " [" + from + ", " + to + ")";
        }
    }
}
