package com.agencyhub.inbox.internal;

import com.agencyhub.inbox.EscalationClock;
import com.agencyhub.inbox.EscalationItem;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.INTERACTION;
import static com.agencyhub.jooq.Tables.INTERACTION_EVENT;

/**
 * The escalation scheduler's reads and writes of interactions: the scan for items that need a look (across agencies,
 * as the platform role), the lock of one item in its agency ({@code FOR UPDATE SKIP LOCKED}: an item another instance
 * works on is left to it), and the events and the next look it records.
 */
@Repository
public class EscalationRepository {

    private static final int LONGEST_EXCERPT = 280;
    private static final List<String> PAUSED_OR_STOPPED = List.of("resolved", "waiting");
    private static final Field<Instant> INFINITY = DSL.field("'infinity'::timestamptz", Instant.class);

    private final JsonMapper json;

    public EscalationRepository(JsonMapper json) {
        this.json = json;
    }

    private static Condition firstResponseRunning() {
        return INTERACTION.FIRST_RESPONSE_AT.isNull().and(INTERACTION.FIRST_RESPONSE_DUE_AT.isNotNull());
    }

    /** As the partial index {@code interaction_resolution_running}: a waiting item's clock is paused. */
    private static Condition resolutionRunning() {
        return INTERACTION.STATUS.notIn(PAUSED_OR_STOPPED).and(INTERACTION.RESOLUTION_DUE_AT.isNotNull());
    }

    /** The earliest a chain can fire: the whole target before the due time. */
    private static Field<Instant> earliestLook(Field<Instant> due, Field<Integer> targetMinutes) {
        return DSL.field("{0} - make_interval(mins => {1})", Instant.class, due, targetMinutes);
    }

    /**
     * Items with a running clock that need a look at {@code now}: their next look has come, or they were never looked
     * at and a clock is within its target of its due time. As the platform role, oldest first.
     */
    public Flux<Tuple2<TenantId, UUID>> needingALook(DSLContext platform, Instant now, int limit) {
        Condition neverLooked = INTERACTION.NEXT_ESCALATION_AT.isNull().and(
                firstResponseRunning().and(earliestLook(INTERACTION.FIRST_RESPONSE_DUE_AT,
                                INTERACTION.FIRST_RESPONSE_TARGET_MINUTES).le(now))
                        .or(resolutionRunning().and(earliestLook(INTERACTION.RESOLUTION_DUE_AT,
                                INTERACTION.RESOLUTION_TARGET_MINUTES).le(now))));
        Condition due = INTERACTION.NEXT_ESCALATION_AT.le(now).and(firstResponseRunning().or(resolutionRunning()));
        return Flux.from(platform.select(INTERACTION.TENANT_ID, INTERACTION.ID).from(INTERACTION)
                        .where(due.or(neverLooked))
                        .orderBy(DSL.coalesce(INTERACTION.NEXT_ESCALATION_AT, INTERACTION.FIRST_RESPONSE_DUE_AT))
                        .limit(DSL.inline(limit)))
                .map(row -> Tuples.of(new TenantId(row.value1()), row.value2()));
    }

    /** Locks the item for this transaction, unless another transaction holds it (then empty). */
    public Mono<EscalationItem> lock(DSLContext sql, TenantId tenant, UUID id) {
        return Mono.from(sql.selectFrom(INTERACTION)
                        .where(INTERACTION.TENANT_ID.eq(tenant.value()))
                        .and(INTERACTION.ID.eq(id))
                        .and(INTERACTION.GUIDELINES_VERSION.isNotNull())
                        .forUpdate().skipLocked())
                .flatMap(row -> escalationHistory(sql, tenant, id).map(history -> {
                    List<EscalationClock> clocks = List.of(
                            new EscalationClock(EscalationClock.Metric.FIRST_RESPONSE,
                                    row.getFirstResponseAt() == null, row.getFirstResponseDueAt(),
                                    minutes(row.getFirstResponseTargetMinutes()),
                                    history.breached().contains(EscalationClock.Metric.FIRST_RESPONSE),
                                    history.steps(EscalationClock.Metric.FIRST_RESPONSE)),
                            new EscalationClock(EscalationClock.Metric.RESOLUTION,
                                    !PAUSED_OR_STOPPED.contains(row.getStatus()),
                                    row.getResolutionDueAt(), minutes(row.getResolutionTargetMinutes()),
                                    history.breached().contains(EscalationClock.Metric.RESOLUTION),
                                    history.steps(EscalationClock.Metric.RESOLUTION)));
                    String body = row.getBody();
                    return new EscalationItem(tenant, id, new BrandId(row.getBrandId()), row.getChannel(),
                            row.getKind(), row.getAuthorHandle(),
                            body.length() > LONGEST_EXCERPT ? body.substring(0, LONGEST_EXCERPT) + "…" : body,
                            row.getPriority(), row.getReceivedAt(), row.getGuidelinesVersion(),
                            row.getEscalationLevel(), clocks);
                }));
    }

    private static int minutes(Integer target) {
        return target == null ? 0 : target;
    }

    private record History(Set<EscalationClock.Metric> breached, Map<EscalationClock.Metric, Integer> taken) {

        int steps(EscalationClock.Metric metric) {
            return taken.getOrDefault(metric, 0);
        }
    }

    private static final Field<String> ESCALATED_METRIC = DSL.field("{0} ->> 'metric'", String.class,
            INTERACTION_EVENT.DETAIL);

    /** The breaches recorded and the escalation steps taken per clock (the events' detail names the clock). */
    private Mono<History> escalationHistory(DSLContext sql, TenantId tenant, UUID id) {
        return Flux.from(sql.select(INTERACTION_EVENT.TYPE, INTERACTION_EVENT.METRIC, ESCALATED_METRIC)
                        .from(INTERACTION_EVENT)
                        .where(INTERACTION_EVENT.TENANT_ID.eq(tenant.value()))
                        .and(INTERACTION_EVENT.INTERACTION_ID.eq(id))
                        .and(INTERACTION_EVENT.TYPE.in("breached", "escalated")))
                .collectList()
                .map(rows -> {
                    Set<EscalationClock.Metric> breached = new HashSet<>();
                    Map<EscalationClock.Metric, Integer> taken = new HashMap<>();
                    for (Record row : rows) {
                        if ("breached".equals(row.get(INTERACTION_EVENT.TYPE))) {
                            breached.add(Slugs.parse(EscalationClock.Metric.class, row.get(INTERACTION_EVENT.METRIC)));
                        } else if (row.get(ESCALATED_METRIC) != null) {
                            taken.merge(Slugs.parse(EscalationClock.Metric.class, row.get(ESCALATED_METRIC)), 1,
                                    Integer::sum);
                        }
                    }
                    return new History(breached, taken);
                });
    }

    public Mono<Void> recordBreach(DSLContext sql, TenantId tenant, UUID id, EscalationClock.Metric metric,
                                   Instant dueAt) {
        return insertEvent(sql, tenant, id, "breached", Slugs.of(metric), dueAt, Map.of());
    }

    /** An escalation step taken (or failed: nobody could be reached), with its detail. */
    public Mono<Void> recordEscalation(DSLContext sql, TenantId tenant, UUID id, Instant at, Map<String, Object> detail) {
        return insertEvent(sql, tenant, id, "escalated", null, at, detail);
    }

    private Mono<Void> insertEvent(DSLContext sql, TenantId tenant, UUID id, String type, String metric, Instant at,
                                   Map<String, Object> detail) {
        return Mono.from(sql.insertInto(INTERACTION_EVENT)
                .set(INTERACTION_EVENT.TENANT_ID, tenant.value())
                .set(INTERACTION_EVENT.ID, UUID.randomUUID())
                .set(INTERACTION_EVENT.INTERACTION_ID, id)
                .set(INTERACTION_EVENT.TYPE, type)
                .set(INTERACTION_EVENT.METRIC, metric)
                .set(INTERACTION_EVENT.AT, at)
                .set(INTERACTION_EVENT.SOURCE, "system")
                .set(INTERACTION_EVENT.DETAIL, JSONB.valueOf(json.writeValueAsString(detail)))).then();
    }

    /** Stores the steps taken so far and when to look next (null: nothing left while the clocks run as they do). */
    public Mono<Void> lookedAt(DSLContext sql, TenantId tenant, UUID id, int escalationLevel, Instant nextLook) {
        return Mono.from(sql.update(INTERACTION)
                .set(INTERACTION.ESCALATION_LEVEL, escalationLevel)
                .set(INTERACTION.NEXT_ESCALATION_AT, nextLook == null ? INFINITY : DSL.val(nextLook))
                .where(INTERACTION.TENANT_ID.eq(tenant.value()))
                .and(INTERACTION.ID.eq(id))).then();
    }
}
