package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.businesstime.MonitoringCalendar;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.Members;
import com.agencyhub.members.Responsibility;
import com.agencyhub.roster.internal.AbsenceRepository;
import com.agencyhub.roster.internal.OverrideRepository;
import com.agencyhub.roster.internal.RotationRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.TimeSlice;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts together what the resolver needs for brands over {@code [from, to)}: the rotations and overrides covering them,
 * the approved absences of everyone who could be on duty (and members who left, as away), each brand's deputies (the
 * approved strategy's monitoring deputies, then the team's), who is familiar with it and everyone's weekly load, and
 * the required windows of each brand's monitoring calendar. All in one tenant transaction with the same statements
 * whatever the number of brands (brands, teams, approved strategies, rotations, overrides, members, absences), so a
 * question about twenty brands costs the round trips of a question about one.
 */
@Service
public class RosterInputs {

    private final RotationRepository rotations;
    private final OverrideRepository overrides;
    private final AbsenceRepository absences;
    private final Brands brands;
    private final BrandTeams teams;
    private final BrandCalendars calendars;
    private final Members members;
    private final Transactions transactions;

    public RosterInputs(RotationRepository rotations, OverrideRepository overrides, AbsenceRepository absences,
                        Brands brands, BrandTeams teams, BrandCalendars calendars, Members members,
                        Transactions transactions) {
        this.members = members;
        this.rotations = rotations;
        this.overrides = overrides;
        this.absences = absences;
        this.brands = brands;
        this.teams = teams;
        this.calendars = calendars;
        this.transactions = transactions;
    }

    public Mono<BrandRoster> forBrand(TenantId tenant, BrandRef brand, Instant from, Instant to) {
        return forBrands(tenant, List.of(brand), from, to).map(rosters -> rosters.get(0));
    }

    /** The rosters of {@code brands} (of the agency, each once), in their order. */
    public Mono<List<BrandRoster>> forBrands(TenantId tenant, List<BrandRef> brands, Instant from, Instant to) {
        if (brands.isEmpty()) {
            return Mono.just(List.of());
        }
        return transactions.inTenant(tenant, sql -> load(tenant, brands, from, to)
                .flatMap(roster -> inputs(tenant, brands, roster, from, to)));
    }

    /** The rosters of the agency's active brands, by name. */
    public Mono<List<BrandRoster>> forActiveBrands(TenantId tenant, Instant from, Instant to) {
        return forBrandsIn(tenant, Set.of(BrandStatus.ACTIVE), from, to);
    }

    /** The rosters of the agency's brands in one of {@code statuses}, by name. */
    public Mono<List<BrandRoster>> forBrandsIn(TenantId tenant, Set<BrandStatus> statuses, Instant from, Instant to) {
        return transactions.inTenant(tenant, sql -> brands.refs(tenant).flatMap(all -> forBrands(tenant,
                all.stream().filter(brand -> statuses.contains(brand.status())).toList(), from, to)));
    }

    /**
     * The rosters of the brands {@code member} may be on duty for, by name: the brands (not offboarded) of the
     * rotations and overrides naming them, and those whose team has them as deputy.
     */
    public Mono<List<BrandRoster>> forMember(TenantId tenant, UserId member, Instant from, Instant to) {
        return transactions.inTenant(tenant, sql -> brands.refs(tenant).flatMap(all -> {
            List<BrandRef> current = all.stream().filter(brand -> brand.status() != BrandStatus.OFFBOARDED).toList();
            if (current.isEmpty()) {
                return Mono.just(List.of());
            }
            return load(tenant, current, from, to).flatMap(roster -> {
                Set<BrandId> theirs = roster.brandsOf(member);
                return inputs(tenant, current.stream().filter(brand -> theirs.contains(brand.id())).toList(),
                        roster, from, to);
            });
        }));
    }

    /**
     * Everything of the brands' rosters that the database holds, one statement after the other on the transaction:
     * teams and monitoring calendars first, since their deputies' load counts; then the brands' rotations with every
     * other rotation of the people they may call on, the overrides, who is still current staff, and the approved
     * absences of only the people who could be on duty for the brands (an agency's other absences change none of
     * their answers).
     */
    private Mono<Loaded> load(TenantId tenant, List<BrandRef> brands, Instant from, Instant to) {
        Set<BrandId> ids = brands.stream().map(BrandRef::id).collect(Collectors.toSet());
        return transactions.inTenant(tenant, sql -> teams.teams(tenant, ids).flatMap(t -> calendars
                .monitoringCalendars(tenant, brands).flatMap(c -> {
                    Set<UserId> standIns = new HashSet<>();
                    t.values().forEach(team -> team.forEach(assignment -> standIns.add(assignment.member())));
                    c.values().forEach(calendar -> standIns.addAll(calendar.deputies()));
                    Mono<List<Rotation>> rotationList = rotations.coveringWithLoad(sql, tenant, ids, standIns)
                            .map(StoredRotation::rotation).collectList();
                    return rotationList.flatMap(r -> overrides.between(sql, tenant, from, to, ids)
                            .map(StoredOverride::override).collectList().flatMap(o -> {
                                Set<UserId> named = new HashSet<>(standIns);
                                r.forEach(rotation -> named.addAll(rotation.members()));
                                o.forEach(override -> named.add(override.member()));
                                return members.currentStaff(tenant, named)
                                        .map(current -> new Loaded(r, o, t, c, current));
                            }));
                })));
    }

    /** The inputs of {@code brands} (all of them loaded in {@code roster}). */
    private Mono<List<BrandRoster>> inputs(TenantId tenant, List<BrandRef> brands, Loaded roster, Instant from,
                                           Instant to) {
        if (brands.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<BrandId, Set<UserId>> people = new HashMap<>();
        brands.forEach(brand -> people.put(brand.id(), roster.peopleOf(brand.id())));
        Set<UserId> everyone = new HashSet<>();
        people.values().forEach(everyone::addAll);
        Map<UserId, Double> weeklyLoad = roster.weeklyLoad();
        return absences.approvedBetween(tenant, from, to, everyone).map(away -> brands.stream()
                .map(brand -> {
                    MonitoringCalendar calendar = roster.calendars().get(brand.id());
                    return new BrandRoster(brand, calendar == null ? null : calendar.strategyVersion(), from, to,
                            roster.inputFor(brand.id(), people.get(brand.id()), away, weeklyLoad,
                                    requiredWindows(calendar, from, to), from, to));
                })
                .toList());
    }

    /** The business time of the brand's monitoring calendar; none without an approved strategy. */
    private static List<Interval> requiredWindows(MonitoringCalendar calendar, Instant from, Instant to) {
        if (calendar == null) {
            return List.of();
        }
        return calendar.calendar().split(from, to).stream()
                .filter(TimeSlice::businessTime)
                .map(slice -> new Interval(slice.start(), slice.end()))
                .toList();
    }

    /**
     * The stored roster of several brands: their rotations and every other rotation of the people they may call on,
     * the overrides of the range, the brands' teams and monitoring calendars, and who of the people named is still
     * current staff.
     */
    private record Loaded(List<Rotation> rotations, List<ShiftOverride> overrides,
                          Map<BrandId, List<BrandAssignment>> teams, Map<BrandId, MonitoringCalendar> calendars,
                          Set<UserId> currentStaff) {

        /** Who could be on duty for the brand: its layers' members, those overriding, and its deputies. */
        Set<UserId> peopleOf(BrandId brand) {
            Set<UserId> people = new HashSet<>(deputies(brand));
            rotations.stream().filter(rotation -> rotation.brands().contains(brand))
                    .forEach(rotation -> people.addAll(rotation.members()));
            overrides.stream().filter(override -> override.brands().contains(brand))
                    .forEach(override -> people.add(override.member()));
            return people;
        }

        /** The strategy's monitoring deputies, then the team's. */
        private Set<UserId> deputies(BrandId brand) {
            MonitoringCalendar calendar = calendars.get(brand);
            Set<UserId> deputies = new LinkedHashSet<>(calendar == null ? List.of() : calendar.deputies());
            teams.getOrDefault(brand, List.of()).stream()
                    .filter(assignment -> assignment.responsibility() == Responsibility.DEPUTY)
                    .forEach(assignment -> deputies.add(assignment.member()));
            return deputies;
        }

        /**
         * One brand's part, given the {@code people} who could be on duty for it, the approved absences of the range
         * and everyone's weekly load. Someone named who is no longer current staff (deactivated) is away for the
         * whole range, so that their turns go to a stand-in.
         */
        RosterInput inputFor(BrandId brand, Set<UserId> people, List<Absence> absences, Map<UserId, Double> load,
                             List<Interval> requiredWindows, Instant from, Instant to) {
            List<Rotation> covering = rotations.stream().filter(rotation -> rotation.brands().contains(brand)).toList();
            List<ShiftOverride> overriding = overrides.stream()
                    .filter(override -> override.brands().contains(brand)).toList();
            Set<UserId> deputies = deputies(brand);
            Set<UserId> familiar = new HashSet<>(deputies);
            teams.getOrDefault(brand, List.of()).forEach(assignment -> familiar.add(assignment.member()));
            MonitoringCalendar calendar = calendars.get(brand);
            if (calendar != null) {
                familiar.addAll(calendar.responsible());
            }
            List<Absence> away = new ArrayList<>(absences.stream()
                    .filter(absence -> people.contains(absence.member())).toList());
            people.stream().filter(person -> !currentStaff.contains(person))
                    .forEach(gone -> away.add(new Absence(gone, AbsenceKind.OTHER, from, to, true)));
            return new RosterInput(brand, covering, overriding, away, List.copyOf(deputies), requiredWindows, familiar,
                    load);
        }

        /** Hours of duty per week each member's rotations give them on average: a layer's weekly hours shared out. */
        Map<UserId, Double> weeklyLoad() {
            Map<UserId, Double> load = new HashMap<>();
            for (Rotation rotation : rotations) {
                double hours = rotation.restriction().isEmpty() ? 7 * 24
                        : rotation.restriction().stream().mapToDouble(window -> window.times().localLength()
                                .toMinutes() / 60.0).sum();
                rotation.members().forEach(member -> load.merge(member, hours / rotation.members().size(),
                        Double::sum));
            }
            return load;
        }

        /** The brands on which {@code member} takes turns, overrides or is a team deputy. */
        Set<BrandId> brandsOf(UserId member) {
            Set<BrandId> theirs = new HashSet<>();
            rotations.stream().filter(rotation -> rotation.members().contains(member))
                    .forEach(rotation -> theirs.addAll(rotation.brands()));
            overrides.stream().filter(override -> override.member().equals(member))
                    .forEach(override -> theirs.addAll(override.brands()));
            teams.forEach((brand, team) -> {
                if (team.stream().anyMatch(assignment -> assignment.responsibility() == Responsibility.DEPUTY
                        && assignment.member().equals(member))) {
                    theirs.add(brand);
                }
            });
            return theirs;
        }
    }
}
