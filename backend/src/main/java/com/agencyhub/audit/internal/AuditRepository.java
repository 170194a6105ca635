package com.agencyhub.audit.internal;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditEvent;
import com.agencyhub.audit.AuditFilter;
import com.agencyhub.jooq.tables.records.AuditEventRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
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

    private final JsonMapper json;

    public AuditRepository(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> insert(DSLContext sql, TenantId tenant, AuditActor actor, AuditEntry entry) {
        return Mono.from(sql.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.TENANT_ID, tenant.value())
                .set(AUDIT_EVENT.ID, UUID.randomUUID())
                .set(AUDIT_EVENT.ACTOR_ID, actor.id().value())
                .set(AUDIT_EVENT.ACTOR_NAME, actor.name())
                .set(AUDIT_EVENT.ACTION, entry.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, entry.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, entry.entityId())
                .set(AUDIT_EVENT.BRAND_ID, entry.brand() == null ? null : entry.brand().value())
                .set(AUDIT_EVENT.BEFORE, jsonb(entry.before()))
                .set(AUDIT_EVENT.AFTER, jsonb(entry.after())))
                .then();
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
