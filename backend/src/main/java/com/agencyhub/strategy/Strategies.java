package com.agencyhub.strategy;

import com.agencyhub.brands.Brands;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.strategy.internal.StrategyRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a brand's strategy. Staff read every version; client users read approved versions of the brands in
 * their scope, and only where the agency shares plans with the client ({@code clientSeesPlans}); anything else
 * is "not found".
 */
@Service
public class Strategies {

    private final StrategyRepository repository;
    private final Transactions transactions;
    private final Brands brands;

    public Strategies(StrategyRepository repository, Transactions transactions, Brands brands) {
        this.repository = repository;
        this.transactions = transactions;
        this.brands = brands;
    }

    /** The latest approved version; 404 while there is none. */
    public Mono<StrategyVersion> approved(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return mayReadDrafts(actor, brand)
                .then(transactions.inTenant(tenant, sql -> repository.latestApproved(sql, tenant, brand)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("An approved strategy of the brand")));
    }

    /** The draft; 404 when there is none, and always for client users. */
    public Mono<StrategyVersion> draft(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return mayReadDrafts(actor, brand)
                .filter(Boolean::booleanValue)
                .flatMap(staff -> transactions.inTenant(tenant, sql -> repository.draft(sql, tenant, brand)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("A strategy draft of the brand")));
    }

    /** The versions the caller may read, newest first. */
    public Mono<Page<StrategyVersion>> versions(Actor actor, BrandId brand, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return mayReadDrafts(actor, brand).flatMap(drafts -> transactions.inTenant(tenant,
                sql -> repository.list(sql, tenant, brand, !drafts, limit, cursor)));
    }

    public Mono<StrategyVersion> version(Actor actor, BrandId brand, int number) {
        TenantId tenant = actor.requireTenant();
        return mayReadDrafts(actor, brand)
                .flatMap(drafts -> transactions.inTenant(tenant, sql -> repository.find(sql, tenant, brand, number))
                        .filter(version -> drafts || version.approved()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Strategy version " + number)));
    }

    /** What changed from version {@code from} to version {@code to}; both must be readable by the caller. */
    public Mono<StrategyDiff> diff(Actor actor, BrandId brand, int from, int to) {
        return version(actor, brand, from).zipWith(version(actor, brand, to), StrategyDiff::between);
    }

    /** The monitoring requirement of the brand's approved strategy; empty while none is approved. */
    public Mono<StrategyContent.MonitoringRequirement> approvedMonitoring(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.latestApproved(sql, tenant, brand))
                .map(version -> version.content().monitoring());
    }

    /**
     * The approved version in force at {@code at}: the newest approved at or before it, before the first approval the
     * first; empty while no strategy is approved.
     */
    public Mono<StrategyVersion> approvedVersionAt(TenantId tenant, BrandId brand, Instant at) {
        return transactions.inTenant(tenant, sql -> repository.approvedAt(sql, tenant, brand, at));
    }

    /**
     * Every approved version of the brand, oldest first, for callers that ask about many instants at once (the inbox
     * pins a batch of interactions to the versions in force when each arrived).
     */
    public Mono<List<StrategyVersion>> approvedVersions(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.approvedVersions(sql, tenant, brand).collectList());
    }

    /** The content pillars of the brand's approved strategy; none while no strategy is approved. */
    public Mono<List<StrategyContent.ContentPillar>> approvedPillars(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.latestApproved(sql, tenant, brand))
                .map(version -> version.content().pillars())
                .defaultIfEmpty(List.of());
    }

    /**
     * The calendar promises of the approved strategies of {@code brands} (every brand of the agency when null), by
     * brand; brands without an approved strategy are left out.
     */
    public Mono<Map<BrandId, ApprovedPlan>> approvedPlans(TenantId tenant, Set<BrandId> brands) {
        return transactions.inTenant(tenant, sql -> repository.approvedPlans(sql, tenant, brands)
                .collectMap(ApprovedPlan::brand));
    }

    /**
     * The monitoring requirements of the latest approved strategies of {@code brands}, by brand; brands without an
     * approved strategy are left out.
     */
    public Mono<Map<BrandId, ApprovedMonitoring>> approvedMonitoring(TenantId tenant, Set<BrandId> brands) {
        if (brands.isEmpty()) {
            return Mono.just(Map.of());
        }
        return transactions.inTenant(tenant, sql -> repository.approvedMonitoring(sql, tenant, brands)
                .collectMap(ApprovedMonitoring::brand));
    }

    /** Whether the caller reads drafts too (staff) or approved versions only (clients shown plans); 404 otherwise. */
    private Mono<Boolean> mayReadDrafts(Actor actor, BrandId id) {
        return brands.get(actor, id).flatMap(brand -> actor.isStaff() || brand.settings().clientSeesPlans()
                ? Mono.just(actor.isStaff())
                : Mono.error(ApiProblem.notFound("The brand")));
    }
}
