package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.IsoWeek;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The load of the roster on each member per ISO week, across all brands: time on duty, outside normal working hours,
 * in the evening, at night, on weekends and holidays, days on duty, broken working-time rules, and how fairly the
 * unsocial part is spread over the agency. Pure: no Spring, no I/O. See docs/rosters.md, "Load and fairness".
 */
public final class LoadCalculator {

    /**
     * How many days before a week duty still counts, for a run of consecutive days reaching into the week and for the
     * rest before its first shift; the duties given should start this early.
     */
    public static final int LOOKBACK_DAYS = 14;

    private LoadCalculator() {
    }

    /** The duty in a brand's timeline: its on-duty segments inside required windows, in order. */
    public static List<Duty> duties(BrandId brand, List<Segment> segments) {
        return segments.stream()
                .filter(segment -> segment.status() == Segment.Status.ON_DUTY && segment.required())
                .map(segment -> new Duty(segment.onDuty(), brand, new Interval(segment.start(), segment.end())))
                .toList();
    }

    /**
     * The week of every one of {@code members} (those with any duty or in any rotation), in their order, and the
     * fairness among them. Every duty must belong to one of them; {@code brands} must hold every brand watched.
     */
    public static AgencyWeekLoad agencyWeek(List<WorkerProfile> members, IsoWeek week, List<Duty> duties,
                                            Map<BrandId, BrandHolidays> brands) {
        Map<UserId, List<Duty>> byMember = duties.stream().collect(Collectors.groupingBy(Duty::member));
        Set<UserId> listed = members.stream().map(WorkerProfile::member).collect(Collectors.toSet());
        for (UserId member : byMember.keySet()) {
            if (!listed.contains(member)) {
                throw new IllegalArgumentException("duty of a member not listed: " + member);
            }
        }
        List<MemberWeekLoad> loads = members.stream()
                .map(member -> memberWeek(member, week, byMember.getOrDefault(member.member(), List.of()), brands))
                .toList();
        return new AgencyWeekLoad(week, loads, Fairness.of(members, loads));
    }

    /**
     * One member's load in {@code week} of their home zone; duties of other members are left out. {@code brands}
     * must hold every brand the member watches.
     */
    public static MemberWeekLoad memberWeek(WorkerProfile member, IsoWeek week, List<Duty> duties,
                                            Map<BrandId, BrandHolidays> brands) {
        ZoneId zone = member.homeZone();
        LocalDate monday = week.monday();
        Interval range = new Interval(startOf(monday, zone), startOf(monday.plusWeeks(1), zone));
        List<Duty> own = duties.stream().filter(duty -> duty.member().equals(member.member())).toList();

        WeekMinutes minutes = WeekMinutes.of(member, range, own, brands);
        List<Interval> stretches = union(own, new Interval(startOf(monday.minusDays(LOOKBACK_DAYS), zone), range.to()));
        DutyDays days = new DutyDays(stretches, zone);
        DutyDays.Run longestRun = days.longestEndingFrom(monday);
        return new MemberWeekLoad(member.member(), week, range, minutes.onDuty(), minutes.outsideWorkingHours(),
                minutes.unsocial(), minutes.byTimeClass(), days.between(monday, monday.plusDays(6)),
                longestRun == null ? 0 : longestRun.days(),
                WorkingTimeCheck.violations(member, range, minutes.onDuty(), longestRun, stretches));
    }

    /** The duty within {@code range}, merged into sorted, disjoint stretches. */
    static List<Interval> union(List<Duty> duties, Interval range) {
        return RosterResolver.merged(duties.stream()
                .map(Duty::interval)
                .filter(interval -> interval.to().isAfter(range.from()) && interval.from().isBefore(range.to()))
                .map(interval -> new Interval(later(interval.from(), range.from()), earlier(interval.to(), range.to())))
                .toList());
    }

    private static Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
