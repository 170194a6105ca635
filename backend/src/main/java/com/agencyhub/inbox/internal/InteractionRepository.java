package com.agencyhub.inbox.internal;

import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.Interaction;
import com.agencyhub.inbox.InteractionId;
import com.agencyhub.inbox.InteractionStatus;
import com.agencyhub.inbox.PrioritySource;
import com.agencyhub.inbox.ReportedInteraction;
import com.agencyhub.inbox.Sentiment;
import com.agencyhub.inbox.WindowClass;
import com.agencyhub.jooq.tables.records.InteractionRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.INTERACTION;

@Repository
public class InteractionRepository {

    private static final String CURSOR = "interactions";

    /** What a list asks for; null fields do not filter. */
    public record Filter(BrandId brand, Instant from, Instant to, InteractionStatus status, SlaPolicy.Priority priority,
                         String channel, UserId assignee) {
    }

    /**
     * Inserts the new interactions in one statement, one array per column ({@code unnest}: a few binds whatever the
     * number of rows, where a multi-row {@code values} list takes one per value); an item whose (brand, channel,
     * external id) is there already is skipped. Returns the ids of the rows inserted.
     */
    public Flux<UUID> insertNew(DSLContext sql, TenantId tenant, List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return Flux.empty();
        }
        int n = interactions.size();
        UUID[] ids = new UUID[n];
        UUID[] brands = new UUID[n];
        String[] channels = new String[n];
        String[] externalIds = new String[n];
        String[] kinds = new String[n];
        String[] authors = new String[n];
        String[] bodies = new String[n];
        String[] links = new String[n];
        String[] sentiments = new String[n];
        String[] received = new String[n];
        String[] ingested = new String[n];
        String[] priorities = new String[n];
        String[] prioritySources = new String[n];
        String[] windowClasses = new String[n];
        Integer[] guidelinesVersions = new Integer[n];
        Integer[] strategyVersions = new Integer[n];
        String[] clocks = new String[n];
        Integer[] firstResponseTargets = new Integer[n];
        Integer[] resolutionTargets = new Integer[n];
        String[] firstResponseDue = new String[n];
        String[] resolutionDue = new String[n];
        String[] statuses = new String[n];
        for (int i = 0; i < n; i++) {
            Interaction interaction = interactions.get(i);
            Interaction.PinnedSla sla = interaction.sla();
            ids[i] = interaction.id().value();
            brands[i] = interaction.brand().value();
            channels[i] = interaction.channel();
            externalIds[i] = interaction.externalId();
            kinds[i] = Slugs.of(interaction.kind());
            authors[i] = interaction.authorHandle();
            bodies[i] = interaction.text();
            links[i] = interaction.link();
            sentiments[i] = interaction.sentiment() == null ? null : Slugs.of(interaction.sentiment());
            received[i] = interaction.receivedAt().toString();
            ingested[i] = interaction.ingestedAt().toString();
            priorities[i] = Slugs.of(interaction.priority());
            prioritySources[i] = Slugs.of(interaction.prioritySource());
            windowClasses[i] = Slugs.of(interaction.windowClass());
            guidelinesVersions[i] = sla == null ? null : sla.guidelinesVersion();
            strategyVersions[i] = sla == null ? null : sla.strategyVersion();
            clocks[i] = sla == null ? null : Slugs.of(sla.clock());
            firstResponseTargets[i] = sla == null ? null : sla.firstResponseTargetMinutes();
            resolutionTargets[i] = sla == null ? null : sla.resolutionTargetMinutes();
            firstResponseDue[i] = sla == null ? null : sla.firstResponseDueAt().toString();
            resolutionDue[i] = sla == null ? null : sla.resolutionDueAt().toString();
            statuses[i] = Slugs.of(interaction.status());
        }
        return Flux.from(sql.resultQuery("""
                        insert into interaction (tenant_id, id, brand_id, channel, external_id, kind, author_handle, body,
                            link, sentiment, received_at, ingested_at, priority, priority_source, window_class,
                            guidelines_version, strategy_version, sla_clock, first_response_target_minutes,
                            resolution_target_minutes, first_response_due_at, resolution_due_at, status)
                        select {0}, t.* from unnest({1}::uuid[], {2}::uuid[], {3}::text[], {4}::text[], {5}::text[],
                            {6}::text[], {7}::text[], {8}::text[], {9}::text[], {10}::timestamptz[], {11}::timestamptz[],
                            {12}::text[], {13}::text[], {14}::text[], {15}::int[], {16}::int[], {17}::text[],
                            {18}::int[], {19}::int[], {20}::timestamptz[], {21}::timestamptz[], {22}::text[]) as t
                        on conflict (tenant_id, brand_id, channel, external_id) do nothing
                        returning id""",
                        DSL.val(tenant.value()), DSL.val(ids), DSL.val(brands), DSL.val(channels),
                        DSL.val(externalIds), DSL.val(kinds), DSL.val(authors), DSL.val(bodies), DSL.val(links),
                        DSL.val(sentiments), DSL.val(received), DSL.val(ingested), DSL.val(priorities),
                        DSL.val(prioritySources), DSL.val(windowClasses), DSL.val(guidelinesVersions),
                        DSL.val(strategyVersions), DSL.val(clocks), DSL.val(firstResponseTargets),
                        DSL.val(resolutionTargets), DSL.val(firstResponseDue), DSL.val(resolutionDue),
                        DSL.val(statuses)))
                .map(row -> row.get(0, UUID.class));
    }

    /** The brand's interactions with these keys. */
    public Flux<Interaction> findByKeys(DSLContext sql, TenantId tenant, BrandId brand,
                                        Collection<ReportedInteraction.Key> keys) {
        List<Row2<String, String>> rows = keys.stream().map(key -> DSL.row(key.channel(), key.externalId())).toList();
        return Flux.from(sql.selectFrom(INTERACTION).where(INTERACTION.TENANT_ID.eq(tenant.value())
                        .and(INTERACTION.BRAND_ID.eq(brand.value()))
                        .and(DSL.row(INTERACTION.CHANNEL, INTERACTION.EXTERNAL_ID).in(rows))))
                .map(InteractionRepository::interaction);
    }

    public Mono<Interaction> find(DSLContext sql, TenantId tenant, InteractionId id) {
        return Mono.from(sql.selectFrom(INTERACTION).where(INTERACTION.TENANT_ID.eq(tenant.value())
                        .and(INTERACTION.ID.eq(id.value()))))
                .map(InteractionRepository::interaction);
    }

    /** One page, newest first (by received time, then id). */
    public Mono<Page<Interaction>> list(DSLContext sql, TenantId tenant, Filter filter, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(INTERACTION.TENANT_ID.eq(tenant.value()));
        if (filter.brand() != null) {
            conditions.add(INTERACTION.BRAND_ID.eq(filter.brand().value()));
        }
        if (filter.from() != null) {
            conditions.add(INTERACTION.RECEIVED_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(INTERACTION.RECEIVED_AT.lt(filter.to()));
        }
        if (filter.status() != null) {
            conditions.add(INTERACTION.STATUS.eq(Slugs.of(filter.status())));
        }
        if (filter.priority() != null) {
            conditions.add(INTERACTION.PRIORITY.eq(Slugs.of(filter.priority())));
        }
        if (filter.channel() != null) {
            conditions.add(INTERACTION.CHANNEL.eq(filter.channel()));
        }
        if (filter.assignee() != null) {
            conditions.add(INTERACTION.ASSIGNEE_ID.eq(filter.assignee().value()));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(INTERACTION.RECEIVED_AT, INTERACTION.ID).lt(Cursor.instant(after.get(0)),
                    Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(INTERACTION).where(conditions)
                        .orderBy(INTERACTION.RECEIVED_AT.desc(), INTERACTION.ID.desc())
                        .limit(DSL.inline(limit + 1)))
                .map(InteractionRepository::interaction)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR, last.receivedAt().toString(),
                        last.id().toString())));
    }

    /** Stores the changed lifecycle if the row still has {@code expectedVersion}; empty otherwise. */
    public Mono<Interaction> update(DSLContext sql, TenantId tenant, Interaction changed, int expectedVersion) {
        Interaction.FirstResponse first = changed.firstResponse();
        Interaction.Resolution resolution = changed.resolution();
        return Mono.from(sql.update(INTERACTION)
                        .set(INTERACTION.STATUS, Slugs.of(changed.status()))
                        .set(INTERACTION.ASSIGNEE_ID, changed.assignee() == null ? null : changed.assignee().value())
                        .set(INTERACTION.FIRST_RESPONSE_AT, first == null ? null : first.at())
                        .set(INTERACTION.FIRST_RESPONSE_BY, first == null || first.by() == null ? null
                                : first.by().value())
                        .set(INTERACTION.FIRST_RESPONSE_CHANNEL, first == null ? null : first.channel())
                        .set(INTERACTION.FIRST_RESPONSE_SECONDS, first == null ? null : first.seconds())
                        .set(INTERACTION.FIRST_RESPONSE_BUSINESS_SECONDS, first == null ? null : first.businessSeconds())
                        .set(INTERACTION.RESOLVED_AT, resolution.at())
                        .set(INTERACTION.RESOLVED_BY, resolution.by() == null ? null : resolution.by().value())
                        .set(INTERACTION.RESOLUTION_SECONDS, resolution.seconds())
                        .set(INTERACTION.RESOLUTION_BUSINESS_SECONDS, resolution.businessSeconds())
                        .set(INTERACTION.RESOLUTION_BANKED_SECONDS, resolution.bankedSeconds())
                        .set(INTERACTION.RESOLUTION_BANKED_BUSINESS_SECONDS, resolution.bankedBusinessSeconds())
                        .set(INTERACTION.RESOLUTION_DUE_AT, changed.sla() == null ? null : changed.sla().resolutionDueAt())
                        .set(INTERACTION.REOPEN_COUNT, changed.reopenCount())
                        .set(INTERACTION.REOPENED_AT, changed.reopenedAt())
                        .set(INTERACTION.WAITING_SINCE, changed.waitingSince())
                        .set(INTERACTION.RESUMED_AT, changed.resumedAt())
                        // the escalation scheduler looks again at an item whose clocks may have changed (a reopen, a
                        // pause or a resumption)
                        .set(INTERACTION.NEXT_ESCALATION_AT, (Instant) null)
                        .set(INTERACTION.VERSION, INTERACTION.VERSION.plus(1))
                        .where(INTERACTION.TENANT_ID.eq(tenant.value()).and(INTERACTION.ID.eq(changed.id().value()))
                                .and(INTERACTION.VERSION.eq(expectedVersion)))
                        .returning())
                .map(InteractionRepository::interaction);
    }

    private static Interaction interaction(InteractionRecord row) {
        Interaction.PinnedSla sla = row.getGuidelinesVersion() == null ? null : new Interaction.PinnedSla(
                row.getGuidelinesVersion(), row.getStrategyVersion(), Slugs.parse(SlaPolicy.Clock.class,
                row.getSlaClock()), row.getFirstResponseTargetMinutes(), row.getResolutionTargetMinutes(),
                row.getFirstResponseDueAt(), row.getResolutionDueAt());
        Interaction.FirstResponse first = row.getFirstResponseAt() == null ? null : new Interaction.FirstResponse(
                row.getFirstResponseAt(), user(row.getFirstResponseBy()), row.getFirstResponseChannel(),
                row.getFirstResponseSeconds(), row.getFirstResponseBusinessSeconds());
        return new Interaction(new InteractionId(row.getId()), new BrandId(row.getBrandId()), row.getChannel(),
                row.getExternalId(), Slugs.parse(InteractionKind.class, row.getKind()), row.getAuthorHandle(),
                row.getBody(), row.getLink(), row.getSentiment() == null ? null
                : Slugs.parse(Sentiment.class, row.getSentiment()), row.getReceivedAt(), row.getIngestedAt(),
                Slugs.parse(SlaPolicy.Priority.class, row.getPriority()),
                Slugs.parse(PrioritySource.class, row.getPrioritySource()),
                Slugs.parse(WindowClass.class, row.getWindowClass()), sla,
                Slugs.parse(InteractionStatus.class, row.getStatus()), user(row.getAssigneeId()), first,
                new Interaction.Resolution(row.getResolvedAt(), user(row.getResolvedBy()), row.getResolutionSeconds(),
                        row.getResolutionBusinessSeconds(), row.getResolutionBankedSeconds(),
                        row.getResolutionBankedBusinessSeconds()),
                row.getReopenCount(), row.getReopenedAt(), row.getWaitingSince(), row.getResumedAt(),
                row.getVersion());
    }

    private static UserId user(UUID id) {
        return id == null ? null : new UserId(id);
    }
}
