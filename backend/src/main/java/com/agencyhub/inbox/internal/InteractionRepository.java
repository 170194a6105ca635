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
import org.jooq.InsertSetMoreStep;
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
     * Inserts the new interactions in one statement; an item whose (brand, channel, external id) is there already is
     * skipped. Returns the ids of the rows inserted.
     */
    public Flux<UUID> insertNew(DSLContext sql, TenantId tenant, List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return Flux.empty();
        }
        InsertSetMoreStep<InteractionRecord> insert = null;
        for (Interaction interaction : interactions) {
            InteractionRecord row = record(tenant, interaction);
            insert = insert == null ? sql.insertInto(INTERACTION).set(row) : insert.newRecord().set(row);
        }
        return Flux.from(insert.onConflictDoNothing().returningResult(INTERACTION.ID)).map(row -> row.value1());
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
                        .set(INTERACTION.VERSION, INTERACTION.VERSION.plus(1))
                        .where(INTERACTION.TENANT_ID.eq(tenant.value()).and(INTERACTION.ID.eq(changed.id().value()))
                                .and(INTERACTION.VERSION.eq(expectedVersion)))
                        .returning())
                .map(InteractionRepository::interaction);
    }

    private static InteractionRecord record(TenantId tenant, Interaction interaction) {
        Interaction.PinnedSla sla = interaction.sla();
        InteractionRecord row = new InteractionRecord();
        row.setTenantId(tenant.value());
        row.setId(interaction.id().value());
        row.setBrandId(interaction.brand().value());
        row.setChannel(interaction.channel());
        row.setExternalId(interaction.externalId());
        row.setKind(Slugs.of(interaction.kind()));
        row.setAuthorHandle(interaction.authorHandle());
        row.setBody(interaction.text());
        row.setLink(interaction.link());
        row.setSentiment(interaction.sentiment() == null ? null : Slugs.of(interaction.sentiment()));
        row.setReceivedAt(interaction.receivedAt());
        row.setIngestedAt(interaction.ingestedAt());
        row.setPriority(Slugs.of(interaction.priority()));
        row.setPrioritySource(Slugs.of(interaction.prioritySource()));
        row.setWindowClass(Slugs.of(interaction.windowClass()));
        row.setGuidelinesVersion(sla == null ? null : sla.guidelinesVersion());
        row.setStrategyVersion(sla == null ? null : sla.strategyVersion());
        row.setSlaClock(sla == null ? null : Slugs.of(sla.clock()));
        row.setFirstResponseTargetMinutes(sla == null ? null : sla.firstResponseTargetMinutes());
        row.setResolutionTargetMinutes(sla == null ? null : sla.resolutionTargetMinutes());
        row.setFirstResponseDueAt(sla == null ? null : sla.firstResponseDueAt());
        row.setResolutionDueAt(sla == null ? null : sla.resolutionDueAt());
        row.setStatus(Slugs.of(interaction.status()));
        return row;
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
                row.getReopenCount(), row.getReopenedAt(), row.getVersion());
    }

    private static UserId user(UUID id) {
        return id == null ? null : new UserId(id);
    }
}
