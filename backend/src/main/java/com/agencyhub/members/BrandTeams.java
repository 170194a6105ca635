package com.agencyhub.members;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.internal.BrandAssignmentRepository;
import com.agencyhub.members.internal.MemberRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who looks after a brand and who stands in: what the roster and the escalation chain start from. */
@Service
public class BrandTeams {

    private final BrandAssignmentRepository assignments;
    private final MemberRepository members;
    private final Brands brands;
    private final Transactions transactions;
    private final AuditLog audit;

    public BrandTeams(BrandAssignmentRepository assignments, MemberRepository members, Brands brands,
                      Transactions transactions, AuditLog audit) {
        this.assignments = assignments;
        this.members = members;
        this.brands = brands;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The team of a brand the caller may see (404 otherwise). */
    public Mono<List<BrandAssignment>> team(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return brands.get(actor, brand)
                .then(transactions.inTenant(tenant, sql -> assignments.list(sql, tenant, brand)));
    }

    /** The teams of the agency's brands, for the modules that plan by them (the roster's deputies). */
    public Mono<Map<BrandId, List<BrandAssignment>>> teams(TenantId tenant, Collection<BrandId> brands) {
        if (brands.isEmpty()) {
            return Mono.just(Map.of());
        }
        return transactions.inTenant(tenant, sql -> assignments.listMany(sql, tenant, brands));
    }

    /**
     * Replaces the team. Every member must be invited or active staff of the agency and appear once; the
     * brand must not be offboarded. Sending the team it already has changes and records nothing.
     */
    public Mono<List<BrandAssignment>> replace(Actor actor, BrandId brand, List<BrandAssignment> team) {
        TenantId tenant = actor.requireTenant();
        requireEachMemberOnce(team);
        return brands.get(actor, brand)
                .flatMap(this::requireChangeable)
                .then(transactions.inTenant(tenant, sql -> assignments.list(sql, tenant, brand)
                        .flatMap(before -> snapshot(before).equals(snapshot(team)) ? Mono.just(before)
                                : store(sql, tenant, AuditActor.of(actor), brand, before, team))));
    }

    private Mono<List<BrandAssignment>> store(DSLContext sql, TenantId tenant, AuditActor actor, BrandId brand,
                                              List<BrandAssignment> before, List<BrandAssignment> team) {
        return Flux.range(0, team.size())
                .concatMap(i -> members.find(sql, tenant, team.get(i).member())
                        .filter(Member::isCurrentStaff)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("assignments[" + i + "].memberId",
                                "is not an invited or active staff member of this agency", "unknown-member"))))
                .then(assignments.replace(sql, tenant, brand, team))
                .then(assignments.list(sql, tenant, brand))
                .flatMap(after -> audit.record(sql, tenant, actor, new AuditEntry("brand.team-changed", "brand",
                        brand.value(), snapshot(before), snapshot(after), brand)).thenReturn(after));
    }

    private Mono<Brand> requireChangeable(Brand brand) {
        return brand.status() == BrandStatus.OFFBOARDED
                ? Mono.error(ApiProblem.conflict("The brand is offboarded; its team can no longer change."))
                : Mono.just(brand);
    }

    private static void requireEachMemberOnce(List<BrandAssignment> team) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < team.size(); i++) {
            if (!seen.add(team.get(i).member())) {
                throw ApiProblem.invalidField("assignments[" + i + "].memberId",
                        "appears more than once; a member is either responsible or deputy", "duplicate");
            }
        }
    }

    private static Map<String, Object> snapshot(List<BrandAssignment> team) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        team.forEach(a -> snapshot.put(a.member().toString(), a.responsibility().value()));
        return snapshot;
    }
}
