package com.agencyhub.pricing;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.internal.ActivityRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency's activity catalogue: read by other modules and all staff, edited by admins and managers. Keys are
 * stable and unique in the agency; archived activities stay listed (flagged) and take no new work.
 */
@Service
public class Activities {

    private final ActivityRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;

    Activities(ActivityRepository repository, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<Activity> get(TenantId tenant, ActivityId id) {
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The activity")));
    }

    /** Adds an activity, last unless {@code position} says otherwise; a key in use is a 409. */
    public Mono<Activity> create(Actor actor, String key, String name, Integer position) {
        PricingAuthority.requireCatalogueEditor(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> (position == null ? repository.nextPosition(sql, tenant)
                        : Mono.just(position))
                        .flatMap(at -> repository.insert(sql, tenant, new ActivityId(UUID.randomUUID()), key, name, at))
                        .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                        "activity.created", "activity", created.id().value(), null, created.snapshot()))
                                .thenReturn(created)))
                .onErrorMap(SqlErrors::isUniqueViolation, taken -> ApiProblem.conflict("The agency has an activity "
                        + "with the key '" + key + "' already (perhaps archived); keys are never reused."));
    }

    /** Renames, moves, archives or brings back an activity at the expected version. */
    public Mono<Activity> update(Actor actor, ActivityId id, int expectedVersion, ActivityChanges changes) {
        PricingAuthority.requireCatalogueEditor(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The activity")))
                .flatMap(before -> {
                    Instant archivedAt = changes.archived() == null ? before.archivedAt()
                            : changes.archived() ? (before.archived() ? before.archivedAt() : Instant.now()) : null;
                    return repository.update(sql, tenant, id, expectedVersion,
                                    changes.name() == null ? before.name() : changes.name(),
                                    changes.position() == null ? before.position() : changes.position(), archivedAt)
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                            "activity.updated", "activity", id.value(), before.snapshot(),
                                            after.snapshot()))
                                    .thenReturn(after));
                }));
    }

    /** Every activity of the agency, archived ones too (flagged), by position. */
    public Mono<List<Activity>> list(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant));
    }

    /**
     * The activity, if the agency has it and it is not archived; otherwise a 400 naming the field {@code activityId}
     * (as unknown members are answered), since the id comes from the request's body.
     */
    public Mono<Activity> requireActive(TenantId tenant, ActivityId id) {
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("activityId",
                        "is not an activity of the agency", "unknown-activity")))
                .flatMap(activity -> activity.archived()
                        ? Mono.error(ApiProblem.invalidField("activityId", "is archived: '" + activity.name()
                        + "' takes no new time or plans", "archived-activity"))
                        : Mono.just(activity));
    }

    /** The ids of the agency's activities (archived ones too) by their stable keys. */
    public Mono<Map<String, ActivityId>> byKey(TenantId tenant) {
        return list(tenant).map(activities -> {
            Map<String, ActivityId> byKey = new LinkedHashMap<>();
            activities.forEach(activity -> byKey.put(activity.key(), activity.id()));
            return byKey;
        });
    }
}
