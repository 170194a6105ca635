package com.agencyhub.roster;

import com.agencyhub.brands.BrandStatus;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.members.Member;
import com.agencyhub.members.Members;
import com.agencyhub.members.StaffProfile;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.security.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load and fairness over ISO weeks, across the agency's brands being watched (onboarding and active): the brands' timelines resolved once for the
 * whole range, their required duty handed to the {@link LoadCalculator} per member and week.
 */
@Service
public class RosterLoads {

    /** How far a home zone's midnight can be from UTC midnight, so the range resolved holds every member's week. */
    private static final int ZONE_MARGIN_DAYS = 2;

    /** Brands being watched: onboarding brands often are already; paused and offboarded ones are not. */
    private static final Set<BrandStatus> WATCHED = Set.of(BrandStatus.ONBOARDING, BrandStatus.ACTIVE);

    private final RosterInputs inputs;
    private final Members members;

    RosterLoads(RosterInputs inputs, Members members) {
        this.inputs = inputs;
        this.members = members;
    }

    /** One member's weeks and their part of the agency's unsocial load. */
    public record MemberLoad(Member member, WorkerProfile profile, List<MemberWeekLoad> weeks, Fairness.Share share) {
    }

    public record Report(IsoWeek first, IsoWeek last, Fairness fairness, List<MemberLoad> members) {
    }

    /**
     * {@code weeks} weeks from {@code first}, for the staff with any duty in them or a place in a rotation, by
     * name. Duty is required on-duty time: watching several brands at once counts once.
     */
    public Mono<Report> report(Actor actor, IsoWeek first, int weeks) {
        TenantId tenant = actor.requireTenant();
        IsoWeek last = first.plusWeeks(weeks - 1);
        Instant from = first.monday().minusDays(LoadCalculator.LOOKBACK_DAYS + ZONE_MARGIN_DAYS)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = last.monday().plusWeeks(1).plusDays(ZONE_MARGIN_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        return inputs.forBrandsIn(tenant, WATCHED, from, to).flatMap(rosters -> {
            List<Duty> duties = new ArrayList<>();
            Map<BrandId, BrandHolidays> holidays = new HashMap<>();
            Set<UserId> people = new LinkedHashSet<>();
            for (BrandRoster roster : rosters) {
                BrandId brand = roster.brand().id();
                holidays.put(brand, new BrandHolidays(roster.brand().zone(),
                        BrandCalendars.holidays(roster.brand().holidayRegion())));
                duties.addAll(LoadCalculator.duties(brand, roster.resolve()));
                roster.input().rotations().forEach(rotation -> people.addAll(rotation.members()));
            }
            duties.forEach(duty -> people.add(duty.member()));
            return members.currentStaffMembers(tenant, people)
                    .map(staff -> report(first, weeks, staff, duties, holidays));
        });
    }

    private static Report report(IsoWeek first, int weeks, List<Member> staff, List<Duty> duties,
                                 Map<BrandId, BrandHolidays> holidays) {
        List<Member> byName = staff.stream().sorted(Comparator.comparing(Member::displayName)
                .thenComparing(member -> member.id().value())).toList();
        List<WorkerProfile> profiles = byName.stream().map(RosterLoads::profile).toList();
        Set<UserId> listed = new LinkedHashSet<>(profiles.stream().map(WorkerProfile::member).toList());
        // duty of someone no longer on the staff (deactivated meanwhile) is not part of anyone's load
        List<Duty> ofStaff = duties.stream().filter(duty -> listed.contains(duty.member())).toList();
        List<MemberWeekLoad> all = new ArrayList<>();
        Map<UserId, List<MemberWeekLoad>> perMember = new HashMap<>();
        for (int week = 0; week < weeks; week++) {
            AgencyWeekLoad load = LoadCalculator.agencyWeek(profiles, first.plusWeeks(week), ofStaff, holidays);
            for (MemberWeekLoad memberWeek : load.members()) {
                all.add(memberWeek);
                perMember.computeIfAbsent(memberWeek.member(), member -> new ArrayList<>()).add(memberWeek);
            }
        }
        Fairness fairness = Fairness.of(profiles, all);
        Map<UserId, Fairness.Share> shares = new HashMap<>();
        fairness.shares().forEach(share -> shares.put(share.member(), share));
        List<MemberLoad> loads = new ArrayList<>();
        for (int i = 0; i < byName.size(); i++) {
            UserId id = byName.get(i).id();
            loads.add(new MemberLoad(byName.get(i), profiles.get(i), perMember.getOrDefault(id, List.of()),
                    shares.get(id)));
        }
        return new Report(first, first.plusWeeks(weeks - 1), fairness, loads);
    }

    /** A capacity of 0 (someone not meant to be rostered) counts like none set: load per hour needs hours. */
    private static WorkerProfile profile(Member member) {
        StaffProfile profile = member.profile();
        BigDecimal capacity = profile.weeklyCapacityHours() == null || profile.weeklyCapacityHours().signum() <= 0
                ? null : profile.weeklyCapacityHours();
        return new WorkerProfile(member.id(), profile.homeZone(), profile.workingHours(), capacity,
                profile.rules().maxHoursPerWeek(), profile.rules().maxConsecutiveDays(),
                profile.rules().minRestMinutes());
    }
}
