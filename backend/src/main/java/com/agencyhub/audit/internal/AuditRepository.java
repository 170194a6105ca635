package com.agencyhub.audit.internal;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditEvent;
import com.agencyhub.audit.AuditFilter;
import com.agencyhub.jooq.tables.records.AuditEventRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.PreparedRead;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.AUDIT_EVENT;

@Repository
public class AuditRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "audit-events";

    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {
    };

    /** The columns an event is recorded with, in the order {@link #eventValues} gives their values. */
    private static final List<Field<?>> EVENT_COLUMNS = List.of(AUDIT_EVENT.TENANT_ID, AUDIT_EVENT.ID,
            AUDIT_EVENT.ACTOR_ID, AUDIT_EVENT.ACTOR_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE,
            AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.BRAND_ID, AUDIT_EVENT.BEFORE, AUDIT_EVENT.AFTER);

    /**
     * The statement of {@link #insert}, rendered once (every change of the API records an event): bound in order are
     * the agency, the event's id, the actor's id and name, action, entity type and id, brand, before and after.
     */
    private static final PreparedRead INSERT = PreparedRead.of(DSL.insertInto(AUDIT_EVENT)
            .columns(EVENT_COLUMNS)
            .values(placeholders())
            .returning(AUDIT_EVENT.ID));

    private final JsonMapper json;
    private final Transactions transactions;

    public AuditRepository(JsonMapper json, Transactions transactions) {
        this.json = json;
        this.transactions = transactions;
    }

    /** Records the event in the transaction of {@code sql}. */
    public Mono<Void> insert(DSLContext sql, TenantId tenant, AuditActor actor, AuditEntry entry) {
        return transactions.fetch(sql, INSERT, eventValues(tenant, actor, entry), row -> row.get(0, UUID.class))
                .then();
    }

    /**
     * {@code change}, a statement that changes one row and returns it, and the recording of an event as one
     * statement (one round trip): the event is recorded only if the change returns its row (the event's id is bound
     * once, so a change of several rows would fail on the event's key). Bound in order are the change's values, then
     * the event's ({@link #eventValues}); its rows are the change's.
     */
    public static PreparedRead recorded(ResultQuery<? extends Record> change) {
        Name changed = DSL.name("changed");
        @SuppressWarnings("unchecked")
        ResultQuery<Record> changing = (ResultQuery<Record>) change;
        return PreparedRead.of(DSL.with(changed.as(changing))
                .with(DSL.name("recorded").as(DSL.insertInto(AUDIT_EVENT)
                        .columns(EVENT_COLUMNS)
                        .select(DSL.select(placeholders()).from(DSL.table(changed)))
                        .returning(AUDIT_EVENT.ID)))
                .select(DSL.asterisk())
                .from(DSL.table(changed)));
    }

    /** The values an event is recorded with, as {@link #insert} and {@link #recorded} bind them. */
    public List<Object> eventValues(TenantId tenant, AuditActor actor, AuditEntry entry) {
        return Arrays.asList(tenant.value(), UUID.randomUUID(), actor.id().value(), actor.name(), entry.action(),
                entry.entityType(), entry.entityId(), entry.brand() == null ? null : entry.brand().value(),
                jsonb(entry.before()), jsonb(entry.after()));
    }

    private static List<Field<?>> placeholders() {
        return EVENT_COLUMNS.stream().<Field<?>>map(column -> DSL.param(column.getType())).toList();
    }

    public Mono<Page<AuditEvent>> list(DSLContext sql, TenantId tenant, AuditFilter filter, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(AUDIT_EVENT.TENANT_ID.eq(tenant.value()));
        if (filter.brand() != null) {
            conditions.add(AUDIT_EVENT.BRAND_ID.eq(filter.brand().value()));
        }
        if (filter.entityType() != null) {
            conditions.add(AUDIT_EVENT.ENTITY_TYPE.eq(filter.entityType()));
        }
        if (filter.entityId() != null) {
            conditions.add(AUDIT_EVENT.ENTITY_ID.eq(filter.entityId()));
        }
        if (filter.actorId() != null) {
            conditions.add(AUDIT_EVENT.ACTOR_ID.eq(filter.actorId().value()));
        }
        if (filter.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.lt(filter.to()));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID).lt(Cursor.instant(after.get(0)), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(AUDIT_EVENT)
                        .where(conditions)
                        .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                        .limit(limit + 1))
                .map(this::event)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, last.occurredAt().toString(), last.id().toString())));
    }

    /** All events of one brand, oldest first, as a stream (for the brand's export). */
    public Flux<AuditEvent> streamForBrand(DSLContext sql, TenantId tenant, BrandId brand) {
        return Flux.from(sql.selectFrom(AUDIT_EVENT)
                        .where(AUDIT_EVENT.TENANT_ID.eq(tenant.value()).and(AUDIT_EVENT.BRAND_ID.eq(brand.value())))
                        .orderBy(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID))
                .map(this::event);
    }

    private AuditEvent event(AuditEventRecord row) {
        return new AuditEvent(row.getId(), row.getOccurredAt(), new UserId(row.getActorId()), row.getActorName(),
                row.getAction(), row.getEntityType(), row.getEntityId(),
                row.getBrandId() == null ? null : new BrandId(row.getBrandId()), snapshot(row.getBefore()),
                snapshot(row.getAfter()));
    }

    private JSONB jsonb(Map<String, ?> snapshot) {
        return snapshot == null ? null : JSONB.valueOf(json.writeValueAsString(snapshot));
    }

    private Map<String, Object> snapshot(JSONB value) {
        return value == null ? null : json.readValue(value.data(), SNAPSHOT);
    }
}
