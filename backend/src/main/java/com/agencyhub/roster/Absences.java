package com.agencyhub.roster;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.roster.internal.AbsenceRepository;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Members' absences. Members enter their own, admins and managers anyone's; a vacation waits for an admin's or
 * manager's approval, every other kind counts at once. Staff see the whole team's absences, as on a team calendar,
 * but the notes only of their own (admins and managers: all).
 */
@Service
public class Absences {

    private final AbsenceRepository repository;
    private final RosterReferences references;
    private final Transactions transactions;
    private final AuditLog audit;
    private final RosterChangeLog changes;

    Absences(AbsenceRepository repository, RosterReferences references, Transactions transactions, AuditLog audit,
             RosterChangeLog changes) {
        this.repository = repository;
        this.references = references;
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
    }

    public Mono<Page<StoredAbsence>> list(Actor actor, Instant from, Instant to, UserId member, AbsenceStatus status,
                                          int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, from, to, member, status, limit,
                        cursor))
                .map(page -> page.map(absence -> asSeenBy(actor, absence)));
    }

    public Mono<StoredAbsence> get(Actor actor, AbsenceId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(Absences::notFound))
                .map(absence -> asSeenBy(actor, absence));
    }

    /** Enters an absence of {@code member} (null: the caller). */
    public Mono<StoredAbsence> create(Actor actor, UserId member, AbsenceKind kind, Instant from, Instant to,
                                      String note) {
        TenantId tenant = actor.requireTenant();
        UserId absent = member == null ? actor.userId() : member;
        if (!absent.equals(actor.userId()) && !RosterReferences.plans(actor)) {
            throw ApiProblem.forbidden("Social-media managers may enter their own absences only.");
        }
        AbsenceStatus status = kind == AbsenceKind.VACATION ? AbsenceStatus.PENDING : AbsenceStatus.APPROVED;
        AbsenceId id = new AbsenceId(UUID.randomUUID());
        return references.requireStaff(tenant, Map.of("memberId", absent))
                .then(transactions.inTenant(tenant, sql -> changingDuty(sql, actor, status == AbsenceStatus.APPROVED,
                        id, absent, from, to, () -> repository.insert(sql, tenant, id, absent, kind, from, to, status,
                                        note, actor.userId())
                                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                "absence.created", "absence", created.id().value(), null,
                                                created.snapshot()))
                                        .thenReturn(created)))));
    }

    /** Approves or rejects a pending vacation; nobody decides their own. */
    public Mono<StoredAbsence> decide(Actor actor, AbsenceId id, boolean approve, String note) {
        TenantId tenant = actor.requireTenant();
        if (!RosterReferences.plans(actor)) {
            throw ApiProblem.forbidden("Only agency admins and managers decide on vacations.");
        }
        AbsenceStatus decision = approve ? AbsenceStatus.APPROVED : AbsenceStatus.REJECTED;
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(Absences::notFound))
                .flatMap(before -> {
                    if (before.member().equals(actor.userId())) {
                        return Mono.error(ApiProblem.forbidden("Nobody decides on their own vacation."));
                    }
                    if (before.status() != AbsenceStatus.PENDING) {
                        return Mono.error(ApiProblem.conflict("Only a pending vacation can be decided; this absence "
                                + "is " + before.status().value() + "."));
                    }
                    return changingDuty(sql, actor, approve, id, before.member(), before.from(), before.to(), () ->
                            repository.decide(sql, tenant, id, decision, actor.userId(), note)
                                    .switchIfEmpty(Mono.error(() -> ApiProblem.conflict(
                                            "The vacation was decided meanwhile.")))
                                    .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                    "absence." + decision.value(), "absence", id.value(),
                                                    before.snapshot(), after.snapshot()))
                                            .thenReturn(after)));
                }));
    }

    /** Cancels the absence (admins and managers any, members their own); cancelling again changes nothing. */
    public Mono<Void> cancel(Actor actor, AbsenceId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(Absences::notFound))
                .flatMap(before -> {
                    if (!RosterReferences.plans(actor) && !before.member().equals(actor.userId())) {
                        return Mono.error(ApiProblem.forbidden("Social-media managers may cancel their own "
                                + "absences only."));
                    }
                    if (before.status() == AbsenceStatus.CANCELLED) {
                        return Mono.empty();
                    }
                    return changingDuty(sql, actor, before.status() == AbsenceStatus.APPROVED, id, before.member(),
                            before.from(), before.to(), () -> repository.cancel(sql, tenant, id)
                                    .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                            "absence.cancelled", "absence", id.value(), before.snapshot(),
                                            after.snapshot()))));
                }));
    }

    /**
     * Runs the write, recording the duty it changes if it does: only an approved absence takes its member off duty, so
     * entering a vacation, rejecting one or cancelling one never approved changes nobody's duty.
     */
    private <T> Mono<T> changingDuty(DSLContext sql, Actor actor, boolean changesDuty, AbsenceId id, UserId absent,
                                     Instant from, Instant to, Supplier<Mono<T>> write) {
        return changesDuty ? changes.recordingAbsence(sql, actor, absent, new Interval(from, to),
                RosterChange.Cause.of(id), write) : write.get();
    }

    private static StoredAbsence asSeenBy(Actor actor, StoredAbsence absence) {
        return RosterReferences.plans(actor) || absence.member().equals(actor.userId()) ? absence
                : absence.withoutNotes();
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The absence");
    }
}
