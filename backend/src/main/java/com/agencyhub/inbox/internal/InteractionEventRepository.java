package com.agencyhub.inbox.internal;

import com.agencyhub.inbox.EventSource;
import com.agencyhub.inbox.InteractionEvent;
import com.agencyhub.inbox.InteractionId;
import com.agencyhub.jooq.tables.records.InteractionEventRecord;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
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

import static com.agencyhub.jooq.Tables.INTERACTION_EVENT;

@Repository
public class InteractionEventRepository {

    private static final String CURSOR = "interaction-events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Appends the events in one statement, one array per column (see {@link InteractionRepository#insertNew}). */
    public Mono<Void> append(DSLContext sql, TenantId tenant, List<InteractionEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        UUID[] interactions = new UUID[n];
        String[] types = new String[n];
        String[] metrics = new String[n];
        String[] ats = new String[n];
        UUID[] actors = new UUID[n];
        String[] sources = new String[n];
        String[] channels = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            InteractionEvent event = events.get(i);
            ids[i] = event.id();
            interactions[i] = event.interaction().value();
            types[i] = Slugs.of(event.type());
            metrics[i] = event.metric() == null ? null : Slugs.of(event.metric());
            ats[i] = event.at().toString();
            actors[i] = event.actor() == null ? null : event.actor().value();
            sources[i] = Slugs.of(event.source());
            channels[i] = event.channel();
            details[i] = event.detail().isEmpty() ? "{}" : JSON.writeValueAsString(event.detail());
        }
        return Mono.from(sql.query("""
                        insert into interaction_event (tenant_id, id, interaction_id, type, metric, at, actor_id, source,
                            channel, detail)
                        select {0}, t.id, t.interaction_id, t.type, t.metric, t.at, t.actor_id, t.source, t.channel,
                            t.detail::jsonb
                        from unnest({1}::uuid[], {2}::uuid[], {3}::text[], {4}::text[], {5}::timestamptz[],
                            {6}::uuid[], {7}::text[], {8}::text[], {9}::text[])
                            as t (id, interaction_id, type, metric, at, actor_id, source, channel, detail)""",
                        DSL.val(tenant.value()), DSL.val(ids), DSL.val(interactions), DSL.val(types),
                        DSL.val(metrics), DSL.val(ats), DSL.val(actors), DSL.val(sources), DSL.val(channels),
                        DSL.val(details)))
                .then();
    }

    /** One page of an interaction's events, oldest first (by time, then in the order they were recorded). */
    public Mono<Page<InteractionEvent>> list(DSLContext sql, TenantId tenant, InteractionId interaction, int limit,
                                             String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(INTERACTION_EVENT.TENANT_ID.eq(tenant.value())
                .and(INTERACTION_EVENT.INTERACTION_ID.eq(interaction.value())));
        List<String> after = Cursor.decode(CURSOR, cursor, 3);
        if (after != null) {
            conditions.add(DSL.row(INTERACTION_EVENT.AT, INTERACTION_EVENT.RECORDED_AT, INTERACTION_EVENT.ID).gt(
                    Cursor.instant(after.get(0)), Cursor.instant(after.get(1)), Cursor.uuid(after.get(2))));
        }
        return Flux.from(sql.selectFrom(INTERACTION_EVENT).where(conditions)
                        .orderBy(INTERACTION_EVENT.AT, INTERACTION_EVENT.RECORDED_AT, INTERACTION_EVENT.ID)
                        .limit(DSL.inline(limit + 1)))
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR, last.getAt().toString(),
                        last.getRecordedAt().toString(), last.getId().toString())).map(InteractionEventRepository::event));
    }

    private static InteractionEvent event(InteractionEventRecord row) {
        return new InteractionEvent(row.getId(), new InteractionId(row.getInteractionId()),
                Slugs.parse(InteractionEvent.Type.class, row.getType()),
                row.getMetric() == null ? null : Slugs.parse(InteractionEvent.Metric.class, row.getMetric()),
                row.getAt(), row.getActorId() == null ? null : new UserId(row.getActorId()),
                Slugs.parse(EventSource.class, row.getSource()), row.getChannel(),
                JSON.readValue(row.getDetail().data(), new TypeReference<Map<String, Object>>() {
                }));
    }
}
