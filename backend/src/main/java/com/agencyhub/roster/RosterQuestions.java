package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the roster answers (docs/rosters.md, "Asking the roster"): who is on duty, the resolved timeline, coverage of
 * the required windows, a member's shifts. Staff only (see security); each question is one tenant transaction.
 */
@Service
public class RosterQuestions {

    /** How far on either side of the asked instant the on-duty answer resolves: a longer segment is cut there. */
    static final Duration ON_DUTY_REACH = Duration.ofDays(14);

    private final RosterInputs inputs;
    private final Brands brands;
    private final Members members;
    private final Transactions transactions;

    public RosterQuestions(RosterInputs inputs, Brands brands, Members members, Transactions transactions) {
        this.inputs = inputs;
        this.brands = brands;
        this.members = members;
        this.transactions = transactions;
    }

    public Mono<OnDuty> onDuty(Actor actor, BrandId brandId, Instant at) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> brands.get(actor, brandId)
                .flatMap(brand -> onDuty(tenant, brand.ref(), at)));
    }

    /** Who is on duty for the brand at {@code at}, for work the platform does by itself (the inbox's escalations). */
    public Mono<OnDuty> onDuty(TenantId tenant, BrandRef brand, Instant at) {
        return transactions.inTenant(tenant, sql -> inputs.forBrand(tenant, brand, at.minus(ON_DUTY_REACH),
                        at.plus(ON_DUTY_REACH))
                .flatMap(roster -> {
                    Segment segment = roster.resolve().stream().filter(candidate -> candidate.contains(at))
                            .findFirst().orElseThrow();
                    return contacts(tenant, List.of(segment)).map(people -> new OnDuty(brand.id(), at, segment, people));
                }));
    }

    public Mono<BrandTimeline> timeline(Actor actor, BrandId brandId, Instant from, Instant to) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> brands.get(actor, brandId)
                .flatMap(brand -> inputs.forBrand(tenant, brand.ref(), from, to))
                .flatMap(roster -> {
                    List<Segment> segments = roster.resolve();
                    return contacts(tenant, segments).map(people -> new BrandTimeline(roster, segments, people));
                }));
    }

    public Mono<BrandCoverage> coverage(Actor actor, BrandId brandId, Instant from, Instant to) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> brands.get(actor, brandId)
                .flatMap(brand -> inputs.forBrand(tenant, brand.ref(), from, to)))
                .map(BrandCoverage::of);
    }

    /** The coverage of every active brand, the least covered first, then by name. */
    public Mono<List<BrandCoverage>> coverage(Actor actor, Instant from, Instant to) {
        return inputs.forActiveBrands(actor.requireTenant(), from, to)
                .map(rosters -> rosters.stream().map(BrandCoverage::of)
                        .sorted(Comparator.comparingDouble((BrandCoverage brand) -> brand.coverage().percentCovered())
                                .thenComparing(brand -> brand.brand().name())
                                .thenComparing(brand -> brand.brand().id().value()))
                        .toList());
    }

    /** The shifts of {@code member}, who must be invited or active staff of the agency (a field error otherwise). */
    public Mono<MemberShifts> shifts(Actor actor, UserId member, Instant from, Instant to) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> members.currentStaff(tenant, List.of(member))
                .filter(staff -> staff.contains(member))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("memberId",
                        "is not an invited or active staff member of this agency", "unknown-member")))
                .then(inputs.forMember(tenant, member, from, to))
                .flatMap(rosters -> {
                    List<Shift> shifts = rosters.stream()
                            .flatMap(roster -> Shift.of(member, roster.brand(), roster.resolve()).stream())
                            .sorted(Comparator.comparing(Shift::start).thenComparing(shift -> shift.brand().name()))
                            .toList();
                    List<UserId> absent = shifts.stream().map(Shift::standingInFor).filter(Objects::nonNull).toList();
                    return members.contacts(tenant, absent)
                            .map(people -> new MemberShifts(member, from, to, shifts, people));
                }));
    }

    private Mono<Map<UserId, MemberContact>> contacts(TenantId tenant, Collection<Segment> segments) {
        Set<UserId> named = new HashSet<>();
        for (Segment segment : segments) {
            if (segment.onDuty() != null) {
                named.add(segment.onDuty());
            }
            if (segment.scheduled() != null) {
                named.add(segment.scheduled());
            }
            named.addAll(segment.deputyChain());
        }
        return members.contacts(tenant, named);
    }
}
