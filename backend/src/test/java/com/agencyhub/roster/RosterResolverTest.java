package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The worked examples of issue 12 and the validation of the roster model. */
class RosterResolverTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BrandId BRAND = new BrandId(UUID.randomUUID());
    private static final UserId ANNA = member("anna");
    private static final UserId BEN = member("ben");
    private static final UserId CARLA = member("carla");
    private static final UserId DANA = member("dana");
    private static final UserId EMIL = member("emil");
    private static final UserId FINN = member("finn");
    private static final UserId GRETA = member("greta");

    /** Anna, Ben, Carla by the week from Monday 1 March 2027, handing off at 09:00. */
    private static final Rotation WEEKLY = rotation("weekly", 0, List.of(ANNA, BEN, CARLA), 7, List.of());
    /** Dana and Emil by the day, Saturday and Sunday 10–18. */
    private static final Rotation WEEKEND = rotation("weekend", 20, List.of(DANA, EMIL), 1,
            List.of(window(DayOfWeek.SATURDAY, 10, 18), window(DayOfWeek.SUNDAY, 10, 18)));
    /** Finn and Greta by the day, Monday to Friday 18–22. */
    private static final Rotation EVENINGS = rotation("evenings", 10, List.of(FINN, GRETA), 1,
            Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                    .map(day -> window(day, 18, 22)).toList());

    private final List<Rotation> rotations = new ArrayList<>(List.of(WEEKLY, WEEKEND, EVENINGS));
    private final List<ShiftOverride> overrides = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();
    private final List<UserId> deputies = new ArrayList<>();
    private final List<Interval> required = new ArrayList<>();

    @Test
    void theLayerWithTheHighestPriorityDecidesAndTheWeeklyTurnsHandOffAtNine() {
        List<Segment> segments = resolve("2027-03-01T09:00", "2027-03-22T09:00");

        assertThat(at(segments, "2027-03-01T12:00")).extracting(Segment::onDuty, Segment::rotationId).containsExactly(ANNA, "weekly");
        assertThat(at(segments, "2027-03-01T19:00")).extracting(Segment::onDuty, Segment::rotationId).containsExactly(FINN, "evenings");
        assertThat(at(segments, "2027-03-02T19:00").onDuty()).isEqualTo(GRETA);
        assertThat(at(segments, "2027-03-02T22:00").onDuty()).isEqualTo(ANNA);
        assertThat(at(segments, "2027-03-06T12:00")).extracting(Segment::onDuty, Segment::rotationId).containsExactly(EMIL, "weekend");
        assertThat(at(segments, "2027-03-07T18:00").onDuty()).isEqualTo(ANNA);
        assertThat(at(segments, "2027-03-08T08:59").onDuty()).isEqualTo(ANNA);
        assertThat(at(segments, "2027-03-08T09:00").onDuty()).isEqualTo(BEN);
        assertThat(at(segments, "2027-03-15T09:00").onDuty()).isEqualTo(CARLA);
        assertThat(at(segments, "2027-03-01T12:00").deputyChain()).containsExactly(BEN, CARLA);
        assertThat(segments).allMatch(segment -> segment.status() == Segment.Status.ON_DUTY
                && segment.reason() == Segment.Reason.ROTATION);
    }

    @Test
    void aDeputyFromTheBrandsListStandsInForASickMemberAndTheReasonShows() {
        deputies.addAll(List.of(DANA, EMIL));
        absences.add(new Absence(ANNA, AbsenceKind.SICK, instant("2027-03-03T13:00"), instant("2027-03-04T00:00"), false));

        List<Segment> segments = resolve("2027-03-03T09:00", "2027-03-03T18:00");

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0)).extracting(Segment::onDuty, Segment::reason, Segment::end)
                .containsExactly(ANNA, Segment.Reason.ROTATION, instant("2027-03-03T13:00"));
        assertThat(segments.get(0).deputyChain()).containsExactly(DANA, EMIL, BEN);
        Segment sick = segments.get(1);
        assertThat(sick).extracting(Segment::onDuty, Segment::reason, Segment::scheduled, Segment::absence, Segment::rotationId)
                .containsExactly(DANA, Segment.Reason.DEPUTY, ANNA, AbsenceKind.SICK, "weekly");
        assertThat(sick.deputyChain()).containsExactly(EMIL, BEN, CARLA);
    }

    @Test
    void withoutDeputiesTheLayersFamiliarMembersStandInFirstThenTheLeastLoaded() {
        absences.add(new Absence(ANNA, AbsenceKind.SICK, instant("2027-03-03T09:00"), instant("2027-03-04T09:00"), false));
        // Ben and Carla come after Anna in the layer; Carla knows the brand, so she goes first
        RosterInput familiarCarla = new RosterInput(BRAND, rotations, overrides, absences, deputies, required,
                Set.of(CARLA), Map.of(CARLA, 40.0, BEN, 10.0));
        Segment sick = at(RosterResolver.resolve(familiarCarla, instant("2027-03-03T09:00"),
                instant("2027-03-03T18:00")), "2027-03-03T12:00");
        assertThat(sick).extracting(Segment::onDuty, Segment::reason).containsExactly(CARLA, Segment.Reason.DEPUTY);
        assertThat(sick.deputyChain()).containsExactly(BEN);

        // both equally familiar: the one with less load goes first, whatever the rotation's order
        RosterInput loadedBen = new RosterInput(BRAND, rotations, overrides, absences, deputies, required,
                Set.of(BEN, CARLA), Map.of(BEN, 50.0, CARLA, 20.0));
        Segment lessLoaded = at(RosterResolver.resolve(loadedBen, instant("2027-03-03T09:00"),
                instant("2027-03-03T18:00")), "2027-03-03T12:00");
        assertThat(lessLoaded.onDuty()).isEqualTo(CARLA);

        // and with nothing known, the rotation's order after the sick member
        Segment inOrder = at(resolve("2027-03-03T09:00", "2027-03-03T18:00"), "2027-03-03T12:00");
        assertThat(inOrder.onDuty()).isEqualTo(BEN);
    }

    @Test
    void anAbsentDeputyIsSkippedAndWithNobodyLeftTheShiftIsEmptyAndReported() {
        deputies.add(DANA);
        required.add(new Interval(instant("2027-03-03T08:00"), instant("2027-03-03T18:00")));
        absences.add(new Absence(ANNA, AbsenceKind.SICK, instant("2027-03-03T10:00"), instant("2027-03-03T18:00"), false));
        absences.add(new Absence(DANA, AbsenceKind.TRAINING, instant("2027-03-03T10:00"), instant("2027-03-03T18:00"), false));
        absences.add(new Absence(BEN, AbsenceKind.VACATION, instant("2027-03-03T10:00"), instant("2027-03-03T18:00"), true));
        absences.add(new Absence(CARLA, AbsenceKind.OTHER, instant("2027-03-03T14:00"), instant("2027-03-03T18:00"), false));

        List<Segment> segments = resolve("2027-03-03T09:00", "2027-03-03T18:00");

        assertThat(at(segments, "2027-03-03T11:00")).extracting(Segment::onDuty, Segment::reason, Segment::deputyChain)
                .containsExactly(CARLA, Segment.Reason.DEPUTY, List.of());
        Segment empty = at(segments, "2027-03-03T15:00");
        assertThat(empty).extracting(Segment::status, Segment::scheduled, Segment::absence, Segment::onDuty)
                .containsExactly(Segment.Status.EMPTY, ANNA, AbsenceKind.SICK, null);
        Coverage coverage = RosterResolver.coverage(segments);
        assertThat(coverage.required()).isEqualTo(Duration.ofHours(9));
        assertThat(coverage.covered()).isEqualTo(Duration.ofHours(5));
        assertThat(coverage.empty()).isEqualTo(Duration.ofHours(4));
        assertThat(coverage.gap()).isZero();
        assertThat(coverage.percentCovered()).isCloseTo(100.0 * 5 / 9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(coverage.problems()).containsExactly(new Coverage.Problem(instant("2027-03-03T14:00"),
                instant("2027-03-03T18:00"), Segment.Status.EMPTY, true));
    }

    @Test
    void aWindowCrossingMidnightRunsIntoTheNextDay() {
        rotations.clear();
        rotations.add(rotation("nights", 0, List.of(ANNA, BEN), 1, List.of(window(DayOfWeek.FRIDAY, 22, 2))));

        // the fifth daily turn (from Friday 09:00 to Saturday 09:00) is Anna's
        List<Segment> segments = resolve("2027-03-05T20:00", "2027-03-06T04:00");

        assertThat(segments).extracting(Segment::start, Segment::end, Segment::status, Segment::onDuty).containsExactly(
                tuple("2027-03-05T20:00", "2027-03-05T22:00", Segment.Status.OFF, null),
                tuple("2027-03-05T22:00", "2027-03-06T02:00", Segment.Status.ON_DUTY, ANNA),
                tuple("2027-03-06T02:00", "2027-03-06T04:00", Segment.Status.OFF, null));
    }

    @Test
    void handoffsStayAtTheLocalHandoffTimeOverBothDstWeekends() {
        rotations.clear();
        Rotation daily = new Rotation("daily", 0, List.of(ANNA, BEN, CARLA), 1, LocalTime.of(2, 30),
                LocalDate.of(2027, 3, 1), BERLIN, List.of(), Set.of(BRAND));
        rotations.add(daily);

        List<Segment> spring = resolve("2027-03-27T00:00", "2027-03-30T00:00");
        // 02:30 does not exist on 28 March: that handoff moves forward by the gap, to 03:30
        assertThat(spring).extracting(Segment::start).containsExactly(instant("2027-03-27T00:00"),
                instant("2027-03-27T02:30"), instant("2027-03-28T03:30"), instant("2027-03-29T02:30"));
        assertThat(Duration.between(spring.get(1).start(), spring.get(2).start())).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(spring.get(2).start(), spring.get(3).start())).isEqualTo(Duration.ofHours(23));

        List<Segment> autumn = resolve("2027-10-30T00:00", "2027-11-02T00:00");
        // 02:30 happens twice on 31 October: the handoff takes the first one
        assertThat(autumn).extracting(Segment::start).containsExactly(instant("2027-10-30T00:00"),
                instant("2027-10-30T02:30"), LocalDateTime.parse("2027-10-31T02:30").atZone(BERLIN).withEarlierOffsetAtOverlap().toInstant(),
                instant("2027-11-01T02:30"));
        assertThat(Duration.between(autumn.get(2).start(), autumn.get(3).start())).isEqualTo(Duration.ofHours(25));
        assertThat(autumn.get(autumn.size() - 1).end()).isEqualTo(instant("2027-11-02T00:00"));
    }

    @Test
    void theWeeklyHandoffAtNineIsUnmovedByTheDstChange() {
        List<Segment> segments = resolve("2027-03-28T00:00", "2027-03-30T00:00");

        assertThat(at(segments, "2027-03-29T08:59").onDuty()).isNotEqualTo(at(segments, "2027-03-29T09:00").onDuty());
        assertThat(segments).anyMatch(segment -> segment.start().equals(instant("2027-03-29T09:00")));
    }

    @Test
    void aSwapPairOfOverridesWinsOverEveryLayer() {
        Instant from = instant("2027-03-06T12:00");
        Instant to = instant("2027-03-06T16:00");
        overrides.add(new ShiftOverride(ANNA, from, to, Set.of(BRAND), Optional.of(EMIL), instant("2027-02-01T00:00")));
        overrides.add(new ShiftOverride(EMIL, instant("2027-03-08T09:00"), instant("2027-03-08T13:00"), Set.of(BRAND),
                Optional.of(ANNA), instant("2027-02-01T00:00")));

        List<Segment> segments = resolve("2027-03-06T10:00", "2027-03-08T18:00");

        assertThat(at(segments, "2027-03-06T11:00").onDuty()).isEqualTo(EMIL);
        assertThat(at(segments, "2027-03-06T12:00")).extracting(Segment::onDuty, Segment::reason, Segment::start, Segment::end)
                .containsExactly(ANNA, Segment.Reason.OVERRIDE, from, to);
        assertThat(at(segments, "2027-03-08T10:00")).extracting(Segment::onDuty, Segment::reason)
                .containsExactly(EMIL, Segment.Reason.OVERRIDE);
        assertThat(at(segments, "2027-03-08T13:00").onDuty()).isEqualTo(BEN);
    }

    @Test
    void ofTwoOverlappingOverridesTheLaterCreatedWins() {
        overrides.add(new ShiftOverride(DANA, instant("2027-03-02T10:00"), instant("2027-03-02T14:00"), Set.of(BRAND),
                instant("2027-02-02T00:00")));
        overrides.add(new ShiftOverride(EMIL, instant("2027-03-02T08:00"), instant("2027-03-02T16:00"), Set.of(BRAND),
                instant("2027-02-01T00:00")));
        overrides.add(new ShiftOverride(FINN, instant("2027-03-02T08:00"), instant("2027-03-02T16:00"),
                Set.of(new BrandId(UUID.randomUUID())), instant("2027-02-03T00:00")));

        List<Segment> segments = resolve("2027-03-02T08:00", "2027-03-02T16:00");

        assertThat(segments).extracting(Segment::onDuty).containsExactly(EMIL, DANA, EMIL);
    }

    @Test
    void aVacationCountsOnlyOnceApproved() {
        absences.add(new Absence(ANNA, AbsenceKind.VACATION, instant("2027-03-02T00:00"), instant("2027-03-05T00:00"), false));

        assertThat(resolve("2027-03-02T09:00", "2027-03-02T18:00")).extracting(Segment::onDuty).containsExactly(ANNA);
    }

    @Test
    void requiredTimeWithoutAShiftIsAGapAndTimeNotRequiredIsOff() {
        rotations.clear();
        rotations.add(WEEKEND);
        required.add(new Interval(instant("2027-03-06T08:00"), instant("2027-03-06T20:00")));

        List<Segment> segments = resolve("2027-03-06T00:00", "2027-03-07T00:00");

        assertThat(segments).extracting(Segment::start, Segment::end, Segment::status, Segment::onDuty).containsExactly(
                tuple("2027-03-06T00:00", "2027-03-06T08:00", Segment.Status.OFF, null),
                tuple("2027-03-06T08:00", "2027-03-06T10:00", Segment.Status.GAP, null),
                tuple("2027-03-06T10:00", "2027-03-06T18:00", Segment.Status.ON_DUTY, EMIL),
                tuple("2027-03-06T18:00", "2027-03-06T20:00", Segment.Status.GAP, null),
                tuple("2027-03-06T20:00", "2027-03-07T00:00", Segment.Status.OFF, null));
        Coverage coverage = RosterResolver.coverage(segments);
        assertThat(coverage.gap()).isEqualTo(Duration.ofHours(4));
        assertThat(coverage.problems()).extracting(Coverage.Problem::reason)
                .containsExactly(Segment.Status.GAP, Segment.Status.GAP);
    }

    @Test
    void beforeItsStartDateALayerHasNoShift() {
        assertThat(resolve("2027-02-28T00:00", "2027-03-01T10:00")).extracting(Segment::status, Segment::end)
                .containsExactly(tuple(Segment.Status.OFF, instant("2027-03-01T09:00")),
                        tuple(Segment.Status.ON_DUTY, instant("2027-03-01T10:00")));
    }

    @Test
    void aRotationNeedsMembersAPositiveLengthAndNoMemberTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> rotation("none", 0, List.of(), 7, List.of()))
                .withMessageContaining("at least one member");
        assertThatIllegalArgumentException().isThrownBy(() -> rotation("zero", 0, List.of(ANNA), 0, List.of()))
                .withMessageContaining("length of at least one day");
        assertThatIllegalArgumentException().isThrownBy(() -> rotation("negative", 0, List.of(ANNA), -7, List.of()))
                .withMessageContaining("length of at least one day");
        assertThatIllegalArgumentException().isThrownBy(() -> rotation("twice", 0, List.of(ANNA, BEN, ANNA), 7, List.of()))
                .withMessageContaining("member twice");
        assertThatIllegalArgumentException().isThrownBy(() -> rotation("overlap", 0, List.of(ANNA), 7,
                        List.of(window(DayOfWeek.MONDAY, 8, 12), window(DayOfWeek.MONDAY, 10, 14))))
                .withMessageContaining("invalid restriction");
    }

    @Test
    void anAbsenceMustEndAfterItStarts() {
        Instant start = instant("2027-03-02T10:00");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Absence(ANNA, AbsenceKind.SICK, start, start.minusSeconds(60), false))
                .withMessageContaining("must end after it starts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Absence(ANNA, AbsenceKind.SICK, start, start, false));
    }

    private List<Segment> resolve(String from, String to) {
        RosterInput input = new RosterInput(BRAND, rotations, overrides, absences, deputies, required);
        return RosterResolver.resolve(input, instant(from), instant(to));
    }

    private static Segment at(List<Segment> segments, String localDateTime) {
        Instant instant = instant(localDateTime);
        return segments.stream().filter(segment -> !segment.start().isAfter(instant) && segment.end().isAfter(instant))
                .findFirst().orElseThrow();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(Stream.of(values)
                .map(value -> value instanceof String text ? instant(text) : value).toArray());
    }

    private static Rotation rotation(String id, int priority, List<UserId> members, int lengthDays,
                                     List<WeeklyWindow> restriction) {
        return new Rotation(id, priority, members, lengthDays, LocalTime.of(9, 0), LocalDate.of(2027, 3, 1), BERLIN,
                restriction, Set.of(BRAND));
    }

    private static WeeklyWindow window(DayOfWeek day, int fromHour, int toHour) {
        return new WeeklyWindow(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    private static Instant instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static UserId member(String name) {
        return new UserId(UUID.nameUUIDFromBytes(name.getBytes()));
    }
}
