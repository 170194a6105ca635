package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.agencyhub.roster.DutyChange.Kind.GAINED;
import static com.agencyhub.roster.DutyChange.Kind.LOST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DutyChanges}: what a roster write changes, found by comparing the brand's resolved timelines before and after
 * it. Anna, Ben and Carla take weekly turns from Monday 1 March 2027, handing off at 09:00 in Europe/Berlin; Dana is the
 * brand's deputy, and the brand must be watched 09:00–17:00 on Wednesday 3 March.
 */
class RosterChangeDiffTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BrandId BRAND = new BrandId(UUID.randomUUID());
    private static final UserId ANNA = member("anna");
    private static final UserId BEN = member("ben");
    private static final UserId CARLA = member("carla");
    private static final UserId DANA = member("dana");
    private static final Rotation WEEKLY = new Rotation("weekly", 0, List.of(ANNA, BEN, CARLA), 7, LocalTime.of(9, 0),
            LocalDate.of(2027, 3, 1), BERLIN, List.of(), Set.of(BRAND));
    private static final String FROM = "2027-03-01T09:00";
    private static final String TO = "2027-03-15T09:00";

    private final List<ShiftOverride> overrides = new ArrayList<>();
    private final List<Absence> absences = new ArrayList<>();

    @Test
    void aSickDayMakesTheDeputyGainWhatTheSickMemberLosesInOneStretchAcrossTheRequiredWindowsEdge() {
        List<Segment> before = resolve();
        absences.add(new Absence(ANNA, AbsenceKind.SICK, instant("2027-03-03T13:00"), instant("2027-03-04T00:00"),
                true));
        List<Segment> after = resolve();

        // the deputy's time is two segments (inside and after the required window), but one change
        assertThat(after.stream().filter(segment -> DANA.equals(segment.onDuty()))).hasSize(2);
        assertThat(DutyChanges.between(BRAND, before, after)).containsExactly(
                change(DANA, GAINED, "2027-03-03T13:00", "2027-03-04T00:00"),
                change(ANNA, LOST, "2027-03-03T13:00", "2027-03-04T00:00"));
    }

    @Test
    void aSwapGivesEachMemberOneStretchGainedAndOneLost() {
        List<Segment> before = resolve();
        overrides.add(new ShiftOverride(BEN, instant("2027-03-03T09:00"), instant("2027-03-03T17:00"), Set.of(BRAND),
                Optional.of(ANNA), instant("2027-02-20T10:00")));
        overrides.add(new ShiftOverride(ANNA, instant("2027-03-10T09:00"), instant("2027-03-10T17:00"), Set.of(BRAND),
                Optional.of(BEN), instant("2027-02-20T10:00")));
        List<Segment> after = resolve();

        assertThat(DutyChanges.between(BRAND, before, after)).containsExactly(
                change(BEN, GAINED, "2027-03-03T09:00", "2027-03-03T17:00"),
                change(ANNA, LOST, "2027-03-03T09:00", "2027-03-03T17:00"),
                change(ANNA, GAINED, "2027-03-10T09:00", "2027-03-10T17:00"),
                change(BEN, LOST, "2027-03-10T09:00", "2027-03-10T17:00"));
    }

    @Test
    void aWriteThatLeavesEveryoneOnDutyAsTheyWereChangesNothing() {
        List<Segment> before = resolve();
        // Anna takes over her own shift, and a vacation waits for approval
        overrides.add(new ShiftOverride(ANNA, instant("2027-03-02T10:00"), instant("2027-03-02T12:00"), Set.of(BRAND),
                instant("2027-02-20T10:00")));
        absences.add(new Absence(BEN, AbsenceKind.VACATION, instant("2027-03-09T00:00"), instant("2027-03-12T00:00"),
                false));
        List<Segment> after = resolve();

        assertThat(after).isNotEqualTo(before);
        assertThat(DutyChanges.between(BRAND, before, after)).isEmpty();
        assertThat(DutyChanges.between(BRAND, before, before)).isEmpty();
    }

    @Test
    void aRotationEditMovesTheHandoffAndOnlyTheHoursThatChangeHandsAreReported() {
        List<Segment> before = resolve();
        Rotation laterHandoff = new Rotation("weekly", 0, List.of(ANNA, BEN, CARLA), 7, LocalTime.of(12, 0),
                LocalDate.of(2027, 3, 1), BERLIN, List.of(), Set.of(BRAND));
        List<Segment> after = RosterResolver.resolve(input(laterHandoff), instant(FROM), instant(TO));

        // Anna's turn starts three hours later but also ends three hours later; so does Ben's
        assertThat(DutyChanges.between(BRAND, before, after)).containsExactly(
                change(ANNA, LOST, "2027-03-01T09:00", "2027-03-01T12:00"),
                change(ANNA, GAINED, "2027-03-08T09:00", "2027-03-08T12:00"),
                change(BEN, LOST, "2027-03-08T09:00", "2027-03-08T12:00"));
    }

    @Test
    void whatRemainsOfStretchesAfterRemovingOthersKeepsThePartsBetweenAndAround() {
        assertThat(DutyChanges.minus(List.of(hours(0, 10), hours(12, 14)), List.of(hours(2, 3), hours(5, 13))))
                .containsExactly(hours(0, 2), hours(3, 5), hours(13, 14));
        assertThat(DutyChanges.minus(List.of(hours(0, 10)), List.of(hours(0, 10)))).isEmpty();
        assertThat(DutyChanges.minus(List.of(hours(4, 6)), List.of(hours(0, 2), hours(8, 9))))
                .containsExactly(hours(4, 6));
        assertThat(DutyChanges.minus(List.of(), List.of(hours(0, 2)))).isEmpty();
    }

    private List<Segment> resolve() {
        return RosterResolver.resolve(input(WEEKLY), instant(FROM), instant(TO));
    }

    private RosterInput input(Rotation rotation) {
        return new RosterInput(BRAND, List.of(rotation), overrides, absences, List.of(DANA),
                List.of(new Interval(instant("2027-03-03T09:00"), instant("2027-03-03T17:00"))));
    }

    private static DutyChange change(UserId member, DutyChange.Kind kind, String from, String to) {
        return new DutyChange(member, BRAND, kind, new Interval(instant(from), instant(to)));
    }

    private static Interval hours(int from, int to) {
        Instant midnight = instant("2027-03-01T00:00");
        return new Interval(midnight.plusSeconds(3600L * from), midnight.plusSeconds(3600L * to));
    }

    private static Instant instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static UserId member(String name) {
        return new UserId(UUID.nameUUIDFromBytes(name.getBytes()));
    }
}
