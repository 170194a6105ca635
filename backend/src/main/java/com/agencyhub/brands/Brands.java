package com.agencyhub.brands;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.internal.BrandRepository;
import com.agencyhub.brands.internal.BrandsByVersion;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Creating, reading and editing an agency's brands. Client users see only the brands in their scope; any other
 * brand, like a brand of another agency, is "not found". Every change is audited with the brand's id.
 */
@Service
public class Brands {

    private final BrandRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final BrandsByVersion byVersion;

    public Brands(BrandRepository repository, Transactions transactions, AuditLog audit, BrandsByVersion byVersion) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.byVersion = byVersion;
    }

    public Mono<Brand> create(TenantId tenant, AuditActor actor, BrandSettings settings) {
        return transactions.inTenant(tenant, sql -> repository.insert(sql, tenant, settings)
                        .flatMap(brand -> audit.record(sql, tenant, actor, entry("brand.created", brand, null,
                                brand.snapshot())).thenReturn(brand)))
                .onErrorMap(SqlErrors::isUniqueViolation, taken -> nameTaken(settings.name()));
    }

    /** The brand if the caller may see it; 404 otherwise. */
    public Mono<Brand> get(Actor actor, BrandId id) {
        return find(actor, id).switchIfEmpty(Mono.error(Brands::notFound));
    }

    /** The brand if the caller may see it; empty otherwise. */
    public Mono<Brand> find(Actor actor, BrandId id) {
        if (!actor.maySee(id)) {
            return Mono.empty();
        }
        TenantId tenant = actor.requireTenant();
        return repository.findById(tenant, id);
    }

    /**
     * Like {@link #get}, already rendered as the API's JSON by the statement that reads it; the notes only
     * {@code withNotes}.
     */
    public Mono<RenderedBrand> getRendered(Actor actor, BrandId id, boolean withNotes) {
        Mono<RenderedBrand> found = actor.maySee(id)
                ? repository.findRendered(actor.requireTenant(), id, withNotes) : Mono.empty();
        return found.switchIfEmpty(Mono.error(Brands::notFound));
    }

    /** The zones of the agency's brands among {@code ids} (brands that do not exist are left out). */
    public Mono<Map<BrandId, ZoneId>> zones(TenantId tenant, Set<BrandId> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.zones(tenant, ids);
    }

    /** The names of the agency's brands among {@code ids} (brands that do not exist are left out). */
    public Mono<Map<BrandId, String>> names(TenantId tenant, Set<BrandId> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.names(tenant, ids);
    }

    /** The refs of the agency's brands among {@code ids} (brands that do not exist are left out). */
    public Mono<Map<BrandId, BrandRef>> refs(TenantId tenant, Set<BrandId> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : repository.refs(tenant, ids);
    }

    /** The refs of every brand of the agency, offboarded ones too, by name. */
    public Mono<List<BrandRef>> refs(TenantId tenant) {
        return repository.refs(tenant);
    }

    /** The brands the caller may see, by name. */
    public Mono<Page<Brand>> list(Actor actor, BrandStatus status, int limit, String cursor) {
        return repository.list(actor.requireTenant(), query(actor, status), limit, cursor);
    }

    /** Like {@link #list}, each brand already rendered as the API's JSON; the notes only {@code withNotes}. */
    public Mono<Page<RenderedBrand>> listRendered(Actor actor, BrandStatus status, int limit, String cursor,
                                                  boolean withNotes) {
        return repository.listRendered(actor.requireTenant(), query(actor, status), limit, cursor, withNotes);
    }

    private static BrandQuery query(Actor actor, BrandStatus status) {
        return new BrandQuery(status, actor.isStaff() ? null : actor.brandScope());
    }

    /** Changes the brand's settings if it still has {@code expectedVersion} (else 412); offboarded brands: 409. */
    public Mono<Brand> update(TenantId tenant, AuditActor actor, BrandId id, int expectedVersion, BrandChanges changes) {
        return editing(tenant, id, expectedVersion, (sql, current) -> {
            BrandSettings changed = changes.applyTo(current.settings());
            return repository.update(sql, tenant, current, changed, expectedVersion, audit.event(tenant, actor,
                            entry("brand.updated", current, current.snapshot(), current.snapshotWith(changed))))
                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed));
        }).onErrorMap(SqlErrors::isUniqueViolation, taken -> nameTaken(changes.name()));
    }

    /**
     * Moves the brand to {@code status}; {@code auditDetails} (a reason, what was missing) go into the audit
     * event. Readiness is {@link BrandLifecycle}'s to check.
     */
    Mono<Brand> changeStatus(TenantId tenant, AuditActor actor, BrandId id, int expectedVersion, BrandStatus status,
                             Map<String, Object> auditDetails) {
        return editing(tenant, id, expectedVersion, (sql, current) -> {
            if (!current.status().mayMoveTo(status)) {
                return Mono.error(ApiProblem.conflict("A brand cannot go from " + current.status().value() + " to "
                        + status.value() + "."));
            }
            Map<String, Object> after = new LinkedHashMap<>(auditDetails);
            after.put("status", status.value());
            return repository.updateStatus(sql, tenant, current, status, expectedVersion)
                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                    .flatMap(updated -> audit.record(sql, tenant, actor, entry("brand.status-changed", updated,
                            Map.of("status", current.status().value()), after)).thenReturn(updated));
        });
    }

    /**
     * Runs the change on the brand at {@code expectedVersion} in a transaction; refuses stale versions (412), offboarded
     * brands (409) and brands the agency does not have (404). The brand at that version comes from the brands kept by
     * version when there, without reading it: the change's update applies only while the brand still has that
     * version. A change refuses ({@link ApiProblem}) before it writes; when it refuses a kept brand, the brand is read
     * and the change runs on it, so the answer is the one for the brand as it is now (a stale version: 412).
     */
    private Mono<Brand> editing(TenantId tenant, BrandId id, int expectedVersion,
                                BiFunction<DSLContext, Brand, Mono<Brand>> change) {
        return transactions.inTenant(tenant, sql -> {
            Brand kept = byVersion.get(tenant, id, expectedVersion);
            Mono<Brand> changed = kept == null ? editingAsStored(sql, tenant, id, expectedVersion, change)
                    : editable(kept, expectedVersion).flatMap(brand -> change.apply(sql, brand))
                            .onErrorResume(ApiProblem.class,
                                    refused -> editingAsStored(sql, tenant, id, expectedVersion, change));
            return changed.doOnNext(brand -> byVersion.put(tenant, brand));
        });
    }

    private Mono<Brand> editingAsStored(DSLContext sql, TenantId tenant, BrandId id, int expectedVersion,
                                        BiFunction<DSLContext, Brand, Mono<Brand>> change) {
        return repository.findById(tenant, id)
                .switchIfEmpty(Mono.error(Brands::notFound))
                .doOnNext(current -> byVersion.put(tenant, current))
                .flatMap(current -> editable(current, expectedVersion))
                .flatMap(current -> change.apply(sql, current));
    }

    private static Mono<Brand> editable(Brand current, int expectedVersion) {
        if (current.status() == BrandStatus.OFFBOARDED) {
            return Mono.error(ApiProblem.conflict("The brand is offboarded and can no longer be changed."));
        }
        if (current.version() != expectedVersion) {
            return Mono.error(ApiProblem.preconditionFailed());
        }
        return Mono.just(current);
    }

    private static AuditEntry entry(String action, Brand brand, Map<String, ?> before, Map<String, ?> after) {
        return new AuditEntry(action, "brand", brand.id().value(), before, after, brand.id());
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The brand");
    }

    private static ApiProblem nameTaken(String name) {
        return ApiProblem.conflict("The agency already has a brand named '" + name + "'.");
    }
}
