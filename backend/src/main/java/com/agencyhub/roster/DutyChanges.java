package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a roster write changed for the members of one brand, from the brand's timeline before and after it (resolved
 * over the same range): per member, the stretches on duty after but not before are gained, those before but not after
 * lost. Only being on duty counts, not why: a member who takes over their own shift by an override changes nothing.
 */
public final class DutyChanges {

    private static final Comparator<DutyChange> ORDER = Comparator
            .comparing((DutyChange change) -> change.stretch().from())
            .thenComparing(DutyChange::kind)
            .thenComparing(change -> change.member().value());

    private DutyChanges() {
    }

    /** The changes, earliest first (then gains before losses); none when the timelines agree on who is on duty. */
    public static List<DutyChange> between(BrandId brand, List<Segment> before, List<Segment> after) {
        Map<UserId, List<Interval>> was = onDuty(before);
        Map<UserId, List<Interval>> is = onDuty(after);
        Set<UserId> members = new HashSet<>(was.keySet());
        members.addAll(is.keySet());
        List<DutyChange> changes = new ArrayList<>();
        for (UserId member : members) {
            List<Interval> old = was.getOrDefault(member, List.of());
            List<Interval> now = is.getOrDefault(member, List.of());
            minus(now, old).forEach(stretch -> changes.add(new DutyChange(member, brand, DutyChange.Kind.GAINED,
                    stretch)));
            minus(old, now).forEach(stretch -> changes.add(new DutyChange(member, brand, DutyChange.Kind.LOST,
                    stretch)));
        }
        changes.sort(ORDER);
        return changes;
    }

    /** Each member's stretches on duty, sorted, with touching segments joined. */
    private static Map<UserId, List<Interval>> onDuty(List<Segment> segments) {
        Map<UserId, List<Interval>> stretches = new HashMap<>();
        for (Segment segment : segments) {
            if (segment.status() == Segment.Status.ON_DUTY) {
                stretches.computeIfAbsent(segment.onDuty(), member -> new ArrayList<>())
                        .add(new Interval(segment.start(), segment.end()));
            }
        }
        stretches.replaceAll((member, intervals) -> RosterResolver.merged(intervals));
        return stretches;
    }

    /**
     * The parts of {@code stretches} that no interval of {@code removed} covers; both sorted and disjoint with touching
     * intervals joined, so the parts are too.
     */
    static List<Interval> minus(List<Interval> stretches, List<Interval> removed) {
        List<Interval> rest = new ArrayList<>();
        int first = 0;
        for (Interval stretch : stretches) {
            Instant from = stretch.from();
            while (first < removed.size() && !removed.get(first).to().isAfter(from)) {
                first++;
            }
            for (int i = first; i < removed.size() && removed.get(i).from().isBefore(stretch.to()); i++) {
                Interval cut = removed.get(i);
                if (cut.from().isAfter(from)) {
                    rest.add(new Interval(from, cut.from()));
                }
                from = cut.to();
            }
            if (stretch.to().isAfter(from)) {
                rest.add(new Interval(from, stretch.to()));
            }
        }
        return rest;
    }
}
