package com.agencyhub.pricing;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.Members;
import com.agencyhub.pricing.internal.ActivityRepository;
import com.agencyhub.pricing.internal.RateRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The agency's rate rows, kept by its admins (they include cost rates). A row's dimensions name a brand of the agency
 * (else 404, as for a path), an activity of its catalogue and a current staff member (else 400 naming the field); one
 * row per combination of dimensions. Audit events name no brand, so cost rates never show in a brand's trail.
 */
@Service
public class Rates {

    private final RateRepository repository;
    private final ActivityRepository activities;
    private final Brands brands;
    private final Members members;
    private final Pricing pricing;
    private final Transactions transactions;
    private final AuditLog audit;

    Rates(RateRepository repository, ActivityRepository activities, Brands brands, Members members, Pricing pricing,
          Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.activities = activities;
        this.brands = brands;
        this.members = members;
        this.pricing = pricing;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The rows with exactly the given dimensions set (a null filter: any). */
    public Mono<List<Rate>> list(Actor actor, RateDimensions filter) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, filter.brand(), filter.activity(),
                filter.member()));
    }

    /** Which rows apply to work with these dimensions (null: none), and the rates they give. */
    public Mono<ResolvedRates> resolve(Actor actor, RateDimensions work) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return requireKnown(tenant, work).then(pricing.resolve(tenant, work.brand(), work.activity(), work.member()));
    }

    public Mono<Rate> get(Actor actor, RateId id) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, tenant, id));
    }

    public Mono<Rate> create(Actor actor, RateDimensions dimensions, BigDecimal billRate, BigDecimal costRate) {
        PricingAuthority.requireAdmin(actor);
        if (billRate == null && costRate == null) {
            throw ApiProblem.badRequest("Give a bill rate, a cost rate or both.");
        }
        TenantId tenant = actor.requireTenant();
        return requireKnown(tenant, dimensions).then(transactions.inTenant(tenant, sql -> repository.insert(sql,
                        tenant, new RateId(UUID.randomUUID()), dimensions.brand(), dimensions.activity(),
                        dimensions.member(), billRate, costRate)
                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("rate.created",
                                "rate", created.id().value(), null, created.snapshot()))
                        .thenReturn(created))))
                .onErrorMap(SqlErrors::isUniqueViolation, taken -> ApiProblem.conflict("The agency has a rate row "
                        + "with these dimensions already; change that row instead."));
    }

    public Mono<Rate> update(Actor actor, RateId id, int expectedVersion, RateChange bill, RateChange cost) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, tenant, id).flatMap(before -> {
            BigDecimal billRate = bill.applyTo(before.billRate());
            BigDecimal costRate = cost.applyTo(before.costRate());
            if (billRate == null && costRate == null) {
                return Mono.error(ApiProblem.badRequest("A rate row keeps at least one rate; delete the row "
                        + "instead."));
            }
            return repository.update(sql, tenant, id, expectedVersion, billRate, costRate)
                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                    .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("rate.updated",
                                    "rate", id.value(), before.snapshot(), after.snapshot()))
                            .thenReturn(after));
        }));
    }

    public Mono<Void> delete(Actor actor, RateId id, int expectedVersion) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, tenant, id).flatMap(before -> {
            if (before.version() != expectedVersion) {
                return Mono.error(ApiProblem.preconditionFailed());
            }
            return repository.delete(sql, tenant, id)
                    .flatMap(deleted -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                            "rate.deleted", "rate", id.value(), before.snapshot(), null)));
        }));
    }

    /** The brand is the agency's (404 otherwise), the activity in its catalogue, the member current staff (400). */
    private Mono<Void> requireKnown(TenantId tenant, RateDimensions dimensions) {
        Mono<Void> brand = dimensions.brand() == null ? Mono.empty() : brands.refs(tenant, Set.of(dimensions.brand()))
                .flatMap(found -> found.isEmpty() ? Mono.error(ApiProblem.notFound("The brand")) : Mono.empty());
        Mono<Void> activity = dimensions.activity() == null ? Mono.empty() : transactions.inTenant(tenant, sql ->
                        activities.find(sql, tenant, dimensions.activity()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("activityId",
                        "is not an activity of the agency", "unknown-activity")))
                .then();
        Mono<Void> member = dimensions.member() == null ? Mono.empty() : members.currentStaff(tenant,
                        Set.of(dimensions.member()))
                .flatMap(staff -> staff.isEmpty() ? Mono.error(ApiProblem.invalidField("memberId",
                        "is not current staff of the agency", "unknown-member")) : Mono.empty());
        return brand.then(activity).then(member);
    }

    private Mono<Rate> found(DSLContext sql, TenantId tenant, RateId id) {
        return repository.find(sql, tenant, id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The rate")));
    }
}
