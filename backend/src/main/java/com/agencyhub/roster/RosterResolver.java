package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.TimeSlice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

/**
 * Resolves a brand's roster into a timeline: who is on duty when, why, and who stands behind them. Pure: no Spring,
 * no I/O. Everything is constant between boundaries (handoffs, restriction window edges, override, absence and
 * required window edges), so the range is cut at those and each piece is evaluated once; the work grows with the
 * boundaries ({@code n log n}), not with the length of the range.
 */
public final class RosterResolver {

    /** How many available members after the one on duty a segment lists. */
    static final int CHAIN_LENGTH = 3;

    private RosterResolver() {
    }

    /** The timeline of {@code [from, to)}: consecutive segments covering it exactly, neighbours differing. */
    public static List<Segment> resolve(RosterInput input, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range must end after it starts: [" + from + ", " + to + ")");
        }
        return new Resolution(input, from, to).segments();
    }

    /** Required time covered, in gaps and in empty shifts, and the list of gaps and empty shifts. */
    public static Coverage coverage(List<Segment> segments) {
        return Coverage.of(segments);
    }

    /** One rotation within the range: where it has a shift at all (its restriction), as sorted disjoint intervals. */
    private record Layer(Rotation rotation, List<Interval> shifts) {

        boolean hasShiftAt(Instant instant) {
            return covers(shifts, instant);
        }
    }

    /** The state of one resolution; used once. */
    private static final class Resolution {

        private final RosterInput input;
        private final Instant from;
        private final Instant to;
        private final List<Layer> layers;
        private final List<ShiftOverride> overrides;
        private final List<Absence> absences;
        private final List<Interval> required;
        /** Among a layer's members standing in: familiar with the brand first, then the least loaded. */
        private final Comparator<UserId> standInOrder;

        Resolution(RosterInput input, Instant from, Instant to) {
            this.input = input;
            this.from = from;
            this.to = to;
            BrandId brand = input.brand();
            this.layers = input.rotations().stream()
                    .filter(rotation -> rotation.brands().contains(brand))
                    .sorted(Comparator.comparingInt(Rotation::priority).reversed())
                    .map(rotation -> new Layer(rotation, shiftsOf(rotation, from, to)))
                    .toList();
            // by creation, so the latest created of the active overrides is the last position
            this.overrides = input.overrides().stream()
                    .filter(override -> override.brands().contains(brand))
                    .sorted(Comparator.comparing(ShiftOverride::createdAt))
                    .toList();
            this.absences = input.absences().stream().filter(Absence::counts).toList();
            this.required = merged(input.requiredWindows());
            this.standInOrder = Comparator.comparing((UserId member) -> !input.familiar().contains(member))
                    .thenComparingDouble(member -> input.load().getOrDefault(member, 0.0));
        }

        List<Segment> segments() {
            Instant[] boundaries = boundaries();
            ActiveIntervals<ShiftOverride> activeOverrides =
                    new ActiveIntervals<>(overrides, ShiftOverride::from, ShiftOverride::to);
            ActiveIntervals<Absence> activeAbsences = new ActiveIntervals<>(absences, Absence::from, Absence::to);
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i + 1 < boundaries.length; i++) {
                Instant start = boundaries[i];
                NavigableSet<Integer> overrideIndexes = activeOverrides.at(start);
                Map<UserId, AbsenceKind> away = new HashMap<>();
                for (int index : activeAbsences.at(start)) {
                    away.putIfAbsent(absences.get(index).member(), absences.get(index).kind());
                }
                ShiftOverride override = overrideIndexes.isEmpty() ? null : overrides.get(overrideIndexes.last());
                Segment segment = evaluate(start, boundaries[i + 1], override, away);
                int last = segments.size() - 1;
                if (last >= 0 && segments.get(last).sameStateAs(segment)) {
                    segments.set(last, segments.get(last).withEnd(segment.end()));
                } else {
                    segments.add(segment);
                }
            }
            return List.copyOf(segments);
        }

        /** The piece {@code [start, end)}, in which nothing changes. */
        private Segment evaluate(Instant start, Instant end, ShiftOverride override, Map<UserId, AbsenceKind> away) {
            boolean isRequired = covers(required, start);
            Rotation rotation = null;
            long turn = -1;
            for (Layer layer : layers) {
                if (layer.hasShiftAt(start) && layer.rotation().turnAt(start) >= 0) {
                    rotation = layer.rotation();
                    turn = rotation.turnAt(start);
                    break;
                }
            }
            if (override == null && rotation == null) {
                return new Segment(start, end, isRequired ? Segment.Status.GAP : Segment.Status.OFF, isRequired,
                        null, null, null, null, null, List.of());
            }
            UserId scheduled = override != null ? override.member() : rotation.members().get(rotation.indexOf(turn));
            String rotationId = override != null || rotation == null ? null : rotation.id();
            List<UserId> available = candidates(scheduled, rotation, turn).stream()
                    .filter(member -> !away.containsKey(member))
                    .toList();
            AbsenceKind absence = away.get(scheduled);
            if (absence == null) {
                Segment.Reason reason = override != null ? Segment.Reason.OVERRIDE : Segment.Reason.ROTATION;
                return new Segment(start, end, Segment.Status.ON_DUTY, isRequired, scheduled, reason, rotationId,
                        scheduled, null, chain(available, 0));
            }
            if (available.isEmpty()) {
                return new Segment(start, end, Segment.Status.EMPTY, isRequired, null, null, rotationId, scheduled,
                        absence, List.of());
            }
            return new Segment(start, end, Segment.Status.ON_DUTY, isRequired, available.get(0), Segment.Reason.DEPUTY,
                    rotationId, scheduled, absence, chain(available, 1));
        }

        /**
         * Who may stand in for {@code scheduled}, in order: the brand's deputies, then the other members of the layer:
         * those familiar with the brand first, then the least loaded, then in rotation order after the scheduled one
         * (after the layer's own member of the turn if the scheduled member comes from an override and is not in the
         * layer).
         */
        private List<UserId> candidates(UserId scheduled, Rotation rotation, long turn) {
            Set<UserId> candidates = new LinkedHashSet<>(input.deputies());
            if (rotation != null) {
                List<UserId> members = rotation.members();
                int position = members.indexOf(scheduled);
                int first = position >= 0 ? position + 1 : rotation.indexOf(turn);
                List<UserId> layer = new ArrayList<>(members.size());
                for (int step = 0; step < members.size(); step++) {
                    layer.add(members.get((first + step) % members.size()));
                }
                layer.sort(standInOrder); // stable: the rotation order breaks ties
                candidates.addAll(layer);
            }
            candidates.remove(scheduled);
            return List.copyOf(candidates);
        }

        private static List<UserId> chain(List<UserId> available, int after) {
            return available.subList(after, Math.min(available.size(), after + CHAIN_LENGTH));
        }

        /** Every instant in {@code [from, to]} where something may change, sorted and distinct. */
        private Instant[] boundaries() {
            List<Instant> all = new ArrayList<>();
            all.add(from);
            all.add(to);
            for (Layer layer : layers) {
                Rotation rotation = layer.rotation();
                for (long turn = Math.max(0, rotation.turnAt(from)); ; turn++) {
                    Instant handoff = rotation.handoffOf(turn);
                    if (!handoff.isBefore(to)) {
                        break;
                    }
                    all.add(handoff);
                }
                addEdges(all, layer.shifts());
            }
            overrides.forEach(override -> all.addAll(List.of(override.from(), override.to())));
            absences.forEach(absence -> all.addAll(List.of(absence.from(), absence.to())));
            addEdges(all, required);
            return all.stream().filter(instant -> !instant.isBefore(from) && !instant.isAfter(to))
                    .sorted().distinct().toArray(Instant[]::new);
        }

        private static void addEdges(List<Instant> all, List<Interval> intervals) {
            intervals.forEach(interval -> all.addAll(List.of(interval.from(), interval.to())));
        }
    }

    /** Where {@code rotation} has a shift within {@code [from, to)}: all of it, or its restriction windows. */
    private static List<Interval> shiftsOf(Rotation rotation, Instant from, Instant to) {
        if (rotation.restriction().isEmpty()) {
            return List.of(new Interval(from, to));
        }
        BusinessCalendar windows = new BusinessCalendar(
                new BusinessHours(rotation.zone(), rotation.restriction(), HolidayRule.NONE), Holidays.none());
        List<Interval> inside = windows.split(from, to).stream()
                .filter(TimeSlice::businessTime)
                .map(slice -> new Interval(slice.start(), slice.end()))
                .toList();
        return merged(inside);
    }

    /** The intervals sorted, with overlapping and touching ones joined. */
    static List<Interval> merged(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().filter(interval -> interval.to().isAfter(interval.from()))
                .sorted(Comparator.comparing(Interval::from)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !interval.from().isAfter(merged.get(last).to())) {
                if (interval.to().isAfter(merged.get(last).to())) {
                    merged.set(last, new Interval(merged.get(last).from(), interval.to()));
                }
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    /** Whether one of the sorted, disjoint {@code intervals} contains {@code instant}; a binary search. */
    static boolean covers(List<Interval> intervals, Instant instant) {
        int low = 0;
        int high = intervals.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Interval interval = intervals.get(middle);
            if (interval.to().compareTo(instant) <= 0) {
                low = middle + 1;
            } else if (interval.from().isAfter(instant)) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
