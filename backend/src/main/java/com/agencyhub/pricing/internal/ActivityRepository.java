package com.agencyhub.pricing.internal;

import com.agencyhub.jooq.tables.records.ActivityRecord;
import com.agencyhub.pricing.Activity;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

import static com.agencyhub.jooq.Tables.ACTIVITY;

@Repository
public class ActivityRepository {

    public Mono<Activity> insert(DSLContext sql, TenantId tenant, ActivityId id, String key, String name,
                                 int position) {
        return Mono.from(insertion(sql, tenant, id, key, name, position).returning())
                .map(ActivityRepository::activity);
    }

    /** Inserts without reading the row back: onboarding's platform role may insert activities, not read them. */
    public Mono<Void> insertUnread(DSLContext sql, TenantId tenant, ActivityId id, String key, String name,
                                   int position) {
        return Mono.from(insertion(sql, tenant, id, key, name, position)).then();
    }

    private static InsertSetMoreStep<ActivityRecord> insertion(DSLContext sql, TenantId tenant, ActivityId id,
                                                               String key, String name, int position) {
        return sql.insertInto(ACTIVITY)
                .set(ACTIVITY.TENANT_ID, tenant.value())
                .set(ACTIVITY.ID, id.value())
                .set(ACTIVITY.KEY, key)
                .set(ACTIVITY.NAME, name)
                .set(ACTIVITY.POSITION, position);
    }

    /** The agency's activities, archived ones too, by position then name. */
    public Mono<List<Activity>> list(DSLContext sql, TenantId tenant) {
        return Flux.from(sql.selectFrom(ACTIVITY).where(ACTIVITY.TENANT_ID.eq(tenant.value()))
                        .orderBy(ACTIVITY.POSITION, ACTIVITY.NAME, ACTIVITY.ID))
                .map(ActivityRepository::activity)
                .collectList();
    }

    public Mono<Activity> find(DSLContext sql, TenantId tenant, ActivityId id) {
        return Mono.from(sql.selectFrom(ACTIVITY)
                        .where(ACTIVITY.TENANT_ID.eq(tenant.value()).and(ACTIVITY.ID.eq(id.value()))))
                .map(ActivityRepository::activity);
    }

    /** The next free position: after the last activity. */
    public Mono<Integer> nextPosition(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.select(DSL.coalesce(DSL.max(ACTIVITY.POSITION).plus(1), DSL.inline(0)))
                        .from(ACTIVITY).where(ACTIVITY.TENANT_ID.eq(tenant.value())))
                .map(row -> row.value1());
    }

    /** Writes name, position and archival at the expected version; empty when the version is stale. */
    public Mono<Activity> update(DSLContext sql, TenantId tenant, ActivityId id, int expectedVersion, String name,
                                 int position, Instant archivedAt) {
        return Mono.from(sql.update(ACTIVITY)
                        .set(ACTIVITY.NAME, name)
                        .set(ACTIVITY.POSITION, position)
                        .set(ACTIVITY.ARCHIVED_AT, archivedAt)
                        .set(ACTIVITY.VERSION, ACTIVITY.VERSION.plus(1))
                        .set(ACTIVITY.UPDATED_AT, DSL.currentInstant())
                        .where(ACTIVITY.TENANT_ID.eq(tenant.value()).and(ACTIVITY.ID.eq(id.value()))
                                .and(ACTIVITY.VERSION.eq(expectedVersion)))
                        .returning())
                .map(ActivityRepository::activity);
    }

    private static Activity activity(ActivityRecord row) {
        return new Activity(new ActivityId(row.getId()), row.getKey(), row.getName(), row.getPosition(),
                row.getArchivedAt(), row.getVersion(), row.getCreatedAt(), row.getUpdatedAt());
    }
}
