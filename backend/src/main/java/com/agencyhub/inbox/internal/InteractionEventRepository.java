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
import org.jooq.InsertSetMoreStep;
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

import static com.agencyhub.jooq.Tables.INTERACTION_EVENT;

@Repository
public class InteractionEventRepository {

    private static final String CURSOR = "interaction-events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Appends the events in one statement. */
    public Mono<Void> append(DSLContext sql, TenantId tenant, List<InteractionEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        InsertSetMoreStep<InteractionEventRecord> insert = null;
        for (InteractionEvent event : events) {
            InteractionEventRecord row = new InteractionEventRecord();
            row.setTenantId(tenant.value());
            row.setId(event.id());
            row.setInteractionId(event.interaction().value());
            row.setType(Slugs.of(event.type()));
            row.setMetric(event.metric() == null ? null : Slugs.of(event.metric()));
            row.setAt(event.at());
            row.setActorId(event.actor() == null ? null : event.actor().value());
            row.setSource(Slugs.of(event.source()));
            row.setChannel(event.channel());
            row.setDetail(JSONB.valueOf(JSON.writeValueAsString(event.detail())));
            insert = insert == null ? sql.insertInto(INTERACTION_EVENT).set(row) : insert.newRecord().set(row);
        }
        return Mono.from(insert).then();
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
                JSON.readValue(row.getDetail().data(), new TypeReference<Map<String, String>>() {
                }));
    }
}
