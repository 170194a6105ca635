package com.agencyhub.roster;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.roster.internal.RotationRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The roster's layers: staff read them, admins and managers change them (each change audited). */
@Service
public class Rotations {

    private final RotationRepository repository;
    private final RosterReferences references;
    private final Transactions transactions;
    private final AuditLog audit;
    private final RosterChangeLog changes;

    Rotations(RotationRepository repository, RosterReferences references, Transactions transactions, AuditLog audit,
              RosterChangeLog changes) {
        this.repository = repository;
        this.references = references;
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
    }

    /** What a request defines; the rotation's id is given when it is stored. */
    public record Definition(String name, int priority, List<UserId> members, int lengthDays, LocalTime handoff,
                             LocalDate startDate, ZoneId zone, List<WeeklyWindow> restriction, Set<BrandId> brands) {

        Rotation rotation(RotationId id) {
            return new Rotation(id.toString(), priority, members, lengthDays, handoff, startDate, zone, restriction,
                    brands);
        }
    }

    public Mono<Page<StoredRotation>> list(Actor actor, BrandId brand, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, brand, limit, cursor));
    }

    public Mono<StoredRotation> get(Actor actor, RotationId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(Rotations::notFound));
    }

    public Mono<StoredRotation> create(Actor actor, Definition definition) {
        TenantId tenant = actor.requireTenant();
        requirePlanner(actor);
        RotationId id = new RotationId(UUID.randomUUID());
        Rotation rotation = definition.rotation(id);
        return checked(tenant, definition).then(transactions.inTenant(tenant, sql -> changes.recording(sql, actor,
                definition.brands(), RosterChangeLog.ANY_TIME, RosterChange.Cause.of(id), () ->
                        repository.insert(sql, tenant, definition.name(), rotation)
                                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                "roster-rotation.created", "roster-rotation", created.id().value(),
                                                null, created.snapshot()))
                                        .thenReturn(created)))));
    }

    /** Replaces the rotation if it still has {@code expectedVersion} (412 otherwise). */
    public Mono<StoredRotation> replace(Actor actor, RotationId id, int expectedVersion, Definition definition) {
        TenantId tenant = actor.requireTenant();
        requirePlanner(actor);
        return checked(tenant, definition).then(transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(Rotations::notFound))
                .flatMap(before -> changes.recording(sql, actor, bothBrands(before, definition),
                        RosterChangeLog.ANY_TIME, RosterChange.Cause.of(id), () -> repository.replace(sql, tenant, id,
                                        expectedVersion, definition.name(), definition.rotation(id))
                                .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                                .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                "roster-rotation.replaced", "roster-rotation", id.value(),
                                                before.snapshot(), after.snapshot()))
                                        .thenReturn(after))))));
    }

    public Mono<Void> delete(Actor actor, RotationId id, int expectedVersion) {
        TenantId tenant = actor.requireTenant();
        requirePlanner(actor);
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(Rotations::notFound))
                .flatMap(before -> changes.recording(sql, actor, before.rotation().brands(),
                        RosterChangeLog.ANY_TIME, RosterChange.Cause.of(id), () ->
                                repository.delete(sql, tenant, id, expectedVersion)
                                        .flatMap(deleted -> deleted ? audit.record(sql, tenant, AuditActor.of(actor),
                                                new AuditEntry("roster-rotation.deleted", "roster-rotation",
                                                        id.value(), before.snapshot(), null))
                                                : Mono.error(ApiProblem.preconditionFailed())))));
    }

    /** A replaced rotation changes duty on the brands it covered and on those it covers now. */
    private static Set<BrandId> bothBrands(StoredRotation before, Definition definition) {
        Set<BrandId> brands = new HashSet<>(before.rotation().brands());
        brands.addAll(definition.brands());
        return brands;
    }

    private Mono<Void> checked(TenantId tenant, Definition definition) {
        return references.requireBrands(tenant, definition.brands())
                .then(references.requireStaff(tenant, RosterReferences.listed("memberIds", definition.members())));
    }

    private static void requirePlanner(Actor actor) {
        if (!RosterReferences.plans(actor)) {
            throw ApiProblem.forbidden("Only agency admins and managers may change rotations.");
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The rotation");
    }
}
