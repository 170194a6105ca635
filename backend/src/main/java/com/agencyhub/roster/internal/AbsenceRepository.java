package com.agencyhub.roster.internal;

import com.agencyhub.roster.Absence;
import com.agencyhub.roster.AbsenceId;
import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.AbsenceStatus;
import com.agencyhub.roster.StoredAbsence;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.Cursor;
import com.agencyhub.jooq.tables.records.RosterAbsenceRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.ROSTER_ABSENCE;

@Repository
public class AbsenceRepository {

    private static final String CURSOR = "absences";

    private final Transactions transactions;

    AbsenceRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public Mono<StoredAbsence> insert(DSLContext sql, TenantId tenant, AbsenceId id, UserId member, AbsenceKind kind,
                                      Instant from, Instant to, AbsenceStatus status, String note, UserId enteredBy) {
        return Mono.from(sql.insertInto(ROSTER_ABSENCE)
                        .set(ROSTER_ABSENCE.TENANT_ID, tenant.value())
                        .set(ROSTER_ABSENCE.ID, id.value())
                        .set(ROSTER_ABSENCE.MEMBER_ID, member.value())
                        .set(ROSTER_ABSENCE.KIND, Slugs.of(kind))
                        .set(ROSTER_ABSENCE.STARTS_AT, from)
                        .set(ROSTER_ABSENCE.ENDS_AT, to)
                        .set(ROSTER_ABSENCE.STATUS, status.value())
                        .set(ROSTER_ABSENCE.NOTE, note)
                        .set(ROSTER_ABSENCE.ENTERED_BY, enteredBy.value())
                        .returning())
                .map(AbsenceRepository::absence);
    }

    public Mono<StoredAbsence> find(DSLContext sql, TenantId tenant, AbsenceId id) {
        return Mono.from(sql.selectFrom(ROSTER_ABSENCE)
                        .where(ROSTER_ABSENCE.TENANT_ID.eq(tenant.value()).and(ROSTER_ABSENCE.ID.eq(id.value()))))
                .map(AbsenceRepository::absence);
    }

    /** Decides a pending vacation; empty if it is no longer pending. */
    public Mono<StoredAbsence> decide(DSLContext sql, TenantId tenant, AbsenceId id, AbsenceStatus decision,
                                      UserId decidedBy, String note) {
        return Mono.from(sql.update(ROSTER_ABSENCE)
                        .set(ROSTER_ABSENCE.STATUS, decision.value())
                        .set(ROSTER_ABSENCE.DECIDED_BY, decidedBy.value())
                        .set(ROSTER_ABSENCE.DECIDED_AT, DSL.currentInstant())
                        .set(ROSTER_ABSENCE.DECISION_NOTE, note)
                        .where(ROSTER_ABSENCE.TENANT_ID.eq(tenant.value()).and(ROSTER_ABSENCE.ID.eq(id.value()))
                                .and(ROSTER_ABSENCE.STATUS.eq(AbsenceStatus.PENDING.value())))
                        .returning())
                .map(AbsenceRepository::absence);
    }

    public Mono<StoredAbsence> cancel(DSLContext sql, TenantId tenant, AbsenceId id) {
        return Mono.from(sql.update(ROSTER_ABSENCE)
                        .set(ROSTER_ABSENCE.STATUS, AbsenceStatus.CANCELLED.value())
                        .where(ROSTER_ABSENCE.TENANT_ID.eq(tenant.value()).and(ROSTER_ABSENCE.ID.eq(id.value())))
                        .returning())
                .map(AbsenceRepository::absence);
    }

    /** One page of the absences overlapping {@code [from, to)} (to null: open-ended), by start then id. */
    public Mono<Page<StoredAbsence>> list(DSLContext sql, TenantId tenant, Instant from, Instant to, UserId member,
                                          AbsenceStatus status, int limit, String cursor) {
        List<Condition> conditions = overlapping(tenant, from, to);
        if (member != null) {
            conditions.add(ROSTER_ABSENCE.MEMBER_ID.eq(member.value()));
        }
        if (status != null) {
            conditions.add(ROSTER_ABSENCE.STATUS.eq(status.value()));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(ROSTER_ABSENCE.STARTS_AT, ROSTER_ABSENCE.ID)
                    .gt(Cursor.instant(after.get(0)), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(ROSTER_ABSENCE).where(conditions)
                        .orderBy(ROSTER_ABSENCE.STARTS_AT, ROSTER_ABSENCE.ID)
                        .limit(DSL.inline(limit + 1)))
                .map(AbsenceRepository::absence)
                .collectList()
                .map(absences -> Page.of(absences, limit, last -> Cursor.encode(CURSOR, last.from().toString(),
                        last.id().toString())));
    }

    /**
     * The approved absences of {@code members} overlapping {@code [from, to)}: those that take them off duty. Read
     * straight from the driver's rows, in the agency's ongoing transaction if there is one: the roster's hot read.
     */
    public Mono<List<Absence>> approvedBetween(TenantId tenant, Instant from, Instant to,
                                               Collection<UserId> members) {
        List<Condition> conditions = overlapping(tenant, from, to);
        conditions.add(ROSTER_ABSENCE.STATUS.eq(AbsenceStatus.APPROVED.value()));
        conditions.add(ROSTER_ABSENCE.MEMBER_ID.eq(DSL.any(members.stream().map(UserId::value)
                .toArray(UUID[]::new))));
        return transactions.fetch(tenant, DSL.select(ROSTER_ABSENCE.MEMBER_ID, ROSTER_ABSENCE.KIND,
                        ROSTER_ABSENCE.STARTS_AT, ROSTER_ABSENCE.ENDS_AT).from(ROSTER_ABSENCE).where(conditions),
                row -> new Absence(new UserId(row.get(0, UUID.class)), Slugs.parse(AbsenceKind.class,
                        row.get(1, String.class)), row.get(2, Instant.class), row.get(3, Instant.class), true));
    }

    private static List<Condition> overlapping(TenantId tenant, Instant from, Instant to) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ROSTER_ABSENCE.TENANT_ID.eq(tenant.value()));
        conditions.add(ROSTER_ABSENCE.ENDS_AT.gt(from));
        if (to != null) {
            conditions.add(ROSTER_ABSENCE.STARTS_AT.lt(to));
        }
        return conditions;
    }

    private static StoredAbsence absence(RosterAbsenceRecord row) {
        return new StoredAbsence(new AbsenceId(row.getId()), new UserId(row.getMemberId()),
                Slugs.parse(AbsenceKind.class, row.getKind()), row.getStartsAt(), row.getEndsAt(),
                AbsenceStatus.of(row.getStatus()), row.getNote(), new UserId(row.getEnteredBy()),
                row.getDecidedBy() == null ? null : new UserId(row.getDecidedBy()), row.getDecidedAt(),
                row.getDecisionNote(), row.getCreatedAt());
    }
}
