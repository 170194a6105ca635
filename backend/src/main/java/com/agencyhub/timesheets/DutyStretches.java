package com.agencyhub.timesheets;

import com.agencyhub.roster.Segment;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The roster's resolved duty as stretches to book: one per member, unbroken stretch of duty and brand-local day. */
final class DutyStretches {

    record Stretch(UserId member, Instant start, Instant end) {
    }

    private DutyStretches() {
    }

    /**
     * Whoever is on duty in each segment (a deputy standing in included), neighbouring segments of the same member
     * joined (a segment ends where only the required windows or the deputy chain change), cut at local midnights.
     */
    static List<Stretch> of(List<Segment> segments, ZoneId zone) {
        List<Stretch> joined = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.status() != Segment.Status.ON_DUTY || segment.onDuty() == null) {
                continue;
            }
            Stretch last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.member().equals(segment.onDuty()) && last.end().equals(segment.start())) {
                joined.set(joined.size() - 1, new Stretch(last.member(), last.start(), segment.end()));
            } else {
                joined.add(new Stretch(segment.onDuty(), segment.start(), segment.end()));
            }
        }
        List<Stretch> byDay = new ArrayList<>();
        for (Stretch stretch : joined) {
            Instant start = stretch.start();
            while (start.isBefore(stretch.end())) {
                Instant midnight = start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
                Instant end = midnight.isBefore(stretch.end()) ? midnight : stretch.end();
                byDay.add(new Stretch(stretch.member(), start, end));
                start = end;
            }
        }
        return byDay;
    }
}
