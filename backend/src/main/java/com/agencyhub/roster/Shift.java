package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stretch {@code [start, end)} a member is on duty for one brand, and why; {@code standingInFor} names the absent
 * member a deputy stands in for (null otherwise).
 */
public record Shift(BrandRef brand, Instant start, Instant end, Segment.Reason reason, boolean required,
                    UserId standingInFor) {

    /**
     * The shifts of {@code member} in a brand's timeline. Neighbouring segments that differ only in what the member's
     * shift does not show (the deputy chain, the rotation) make one shift.
     */
    static List<Shift> of(UserId member, BrandRef brand, List<Segment> segments) {
        List<Shift> shifts = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.status() != Segment.Status.ON_DUTY || !member.equals(segment.onDuty())) {
                continue;
            }
            Shift shift = new Shift(brand, segment.start(), segment.end(), segment.reason(), segment.required(),
                    segment.reason() == Segment.Reason.DEPUTY ? segment.scheduled() : null);
            int last = shifts.size() - 1;
            if (last >= 0 && shifts.get(last).continuesInto(shift)) {
                shifts.set(last, shifts.get(last).withEnd(shift.end()));
            } else {
                shifts.add(shift);
            }
        }
        return shifts;
    }

    private boolean continuesInto(Shift next) {
        return end.equals(next.start) && reason == next.reason && required == next.required
                && Objects.equals(standingInFor, next.standingInFor);
    }

    private Shift withEnd(Instant newEnd) {
        return new Shift(brand, start, newEnd, reason, required, standingInFor);
    }
}
