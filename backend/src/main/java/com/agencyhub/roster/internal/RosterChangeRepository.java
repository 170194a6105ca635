package com.agencyhub.roster.internal;

import com.agencyhub.roster.DutyChange;
import com.agencyhub.roster.Interval;
import com.agencyhub.roster.RosterChange;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import com.agencyhub.jooq.tables.records.RosterChangeRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.ROSTER_CHANGE;

/** The changes of members' duty, appended by roster writes and read per member, newest first. */
@Repository
public class RosterChangeRepository {

    private static final String CURSOR = "roster-changes";

    /**
     * Waits for the agency's other roster writes that record changes, and keeps them waiting until this transaction
     * ends: two writes comparing the same roster at once would each find the other's effect and record it as theirs.
     */
    public Mono<Void> lock(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                DSL.val("roster-change " + tenant.value()))).then();
    }

    /** Stores the changes of one write in one statement; nothing for none. Emits their ids, in order. */
    public Mono<List<UUID>> insert(DSLContext sql, TenantId tenant, List<DutyChange> changes, RosterChange.Cause cause,
                                   UserId changedBy) {
        if (changes.isEmpty()) {
            return Mono.just(List.of());
        }
        List<UUID> ids = new ArrayList<>();
        var insert = sql.insertInto(ROSTER_CHANGE, ROSTER_CHANGE.TENANT_ID, ROSTER_CHANGE.ID, ROSTER_CHANGE.MEMBER_ID,
                ROSTER_CHANGE.BRAND_ID, ROSTER_CHANGE.KIND, ROSTER_CHANGE.STARTS_AT, ROSTER_CHANGE.ENDS_AT,
                ROSTER_CHANGE.CAUSE, ROSTER_CHANGE.CAUSE_ID, ROSTER_CHANGE.CHANGED_BY);
        for (DutyChange change : changes) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            insert = insert.values(tenant.value(), id, change.member().value(), change.brand().value(),
                    Slugs.of(change.kind()), change.stretch().from(), change.stretch().to(), Slugs.of(cause.kind()),
                    cause.id(), changedBy.value());
        }
        return Mono.from(insert).thenReturn(ids);
    }

    /** One page of the member's changes, newest first. */
    public Mono<Page<RosterChange>> list(DSLContext sql, TenantId tenant, UserId member, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ROSTER_CHANGE.TENANT_ID.eq(tenant.value()));
        conditions.add(ROSTER_CHANGE.MEMBER_ID.eq(member.value()));
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(ROSTER_CHANGE.CREATED_AT, ROSTER_CHANGE.ID)
                    .lt(Cursor.instant(after.get(0)), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(ROSTER_CHANGE).where(conditions)
                        .orderBy(ROSTER_CHANGE.CREATED_AT.desc(), ROSTER_CHANGE.ID.desc())
                        .limit(DSL.inline(limit + 1)))
                .map(RosterChangeRepository::change)
                .collectList()
                .map(changes -> Page.of(changes, limit, last -> Cursor.encode(CURSOR, last.createdAt().toString(),
                        last.id().toString())));
    }

    private static RosterChange change(RosterChangeRecord row) {
        DutyChange change = new DutyChange(new UserId(row.getMemberId()), new BrandId(row.getBrandId()),
                Slugs.parse(DutyChange.Kind.class, row.getKind()), new Interval(row.getStartsAt(), row.getEndsAt()));
        return new RosterChange(row.getId(), change,
                new RosterChange.Cause(Slugs.parse(RosterChange.Cause.Kind.class, row.getCause()), row.getCauseId()),
                new UserId(row.getChangedBy()), row.getCreatedAt());
    }
}
