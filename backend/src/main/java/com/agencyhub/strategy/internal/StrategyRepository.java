package com.agencyhub.strategy.internal;

import com.agencyhub.jooq.tables.records.StrategyVersionRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import com.agencyhub.strategy.ApprovedMonitoring;
import com.agencyhub.strategy.ApprovedPlan;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.StrategyStatus;
import com.agencyhub.strategy.StrategyVersion;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.STRATEGY_VERSION;

@Repository
public class StrategyRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "strategy-versions";

    public Mono<StrategyVersion> find(DSLContext sql, TenantId tenant, BrandId brand, int number) {
        return Mono.from(sql.selectFrom(STRATEGY_VERSION).where(ofBrand(tenant, brand)
                        .and(STRATEGY_VERSION.NUMBER.eq(number))))
                .map(StrategyRepository::version);
    }

    public Mono<StrategyVersion> draft(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(STRATEGY_VERSION).where(ofBrand(tenant, brand)
                        .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.DRAFT)))))
                .map(StrategyRepository::version);
    }

    public Mono<StrategyVersion> latestApproved(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(STRATEGY_VERSION).where(ofBrand(tenant, brand)
                                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED))))
                        .orderBy(STRATEGY_VERSION.NUMBER.desc()).limit(1))
                .map(StrategyRepository::version);
    }

    /**
     * The approved version in force at {@code at}: the newest approved at or before it, or, before the first
     * approval, the first approved version.
     */
    public Mono<StrategyVersion> approvedAt(DSLContext sql, TenantId tenant, BrandId brand, Instant at) {
        Condition inForce = STRATEGY_VERSION.APPROVED_AT.le(at);
        return Mono.from(sql.selectFrom(STRATEGY_VERSION).where(ofBrand(tenant, brand)
                                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED))))
                        .orderBy(DSL.field(inForce).desc(),
                                DSL.when(inForce, STRATEGY_VERSION.NUMBER.neg()).otherwise(STRATEGY_VERSION.NUMBER))
                        .limit(1))
                .map(StrategyRepository::version);
    }

    /** Every approved version of the brand, oldest first. */
    public Flux<StrategyVersion> approvedVersions(DSLContext sql, TenantId tenant, BrandId brand) {
        return Flux.from(sql.selectFrom(STRATEGY_VERSION).where(ofBrand(tenant, brand)
                                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED))))
                        .orderBy(STRATEGY_VERSION.NUMBER))
                .map(StrategyRepository::version);
    }

    /**
     * The calendar promises of the newest approved version of each brand among {@code brands} (every brand of the
     * agency when null) that has one: one pass over the agency's versions, reading only the two parts needed.
     */
    public Flux<ApprovedPlan> approvedPlans(DSLContext sql, TenantId tenant, Set<BrandId> brands) {
        Condition approved = STRATEGY_VERSION.TENANT_ID.eq(tenant.value())
                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED)));
        if (brands != null) {
            approved = approved.and(STRATEGY_VERSION.BRAND_ID.eq(DSL.any(
                    brands.stream().map(BrandId::value).toArray(UUID[]::new))));
        }
        Field<JSONB> channelPlan = DSL.field("{0} -> 'channelPlan'", JSONB.class, STRATEGY_VERSION.CONTENT);
        Field<JSONB> pillars = DSL.field("{0} -> 'pillars'", JSONB.class, STRATEGY_VERSION.CONTENT);
        return Flux.from(sql.select(STRATEGY_VERSION.BRAND_ID, STRATEGY_VERSION.NUMBER, channelPlan, pillars)
                        .distinctOn(STRATEGY_VERSION.BRAND_ID)
                        .from(STRATEGY_VERSION)
                        .where(approved)
                        .orderBy(STRATEGY_VERSION.BRAND_ID, STRATEGY_VERSION.NUMBER.desc()))
                .map(row -> new ApprovedPlan(new BrandId(row.value1()), row.value2(),
                        ContentJson.readList(row.value3(), new TypeReference<>() {
                        }), ContentJson.readList(row.value4(), new TypeReference<>() {
                        })));
    }

    /**
     * The monitoring requirement of the newest approved version of each brand among {@code brands} that has one: one
     * pass, reading only that part of the content.
     */
    public Flux<ApprovedMonitoring> approvedMonitoring(DSLContext sql, TenantId tenant, Set<BrandId> brands) {
        Field<JSONB> monitoring = DSL.field("{0} -> 'monitoring'", JSONB.class, STRATEGY_VERSION.CONTENT);
        Field<JSONB> responsibilities = DSL.field("{0} -> 'responsibilities'", JSONB.class, STRATEGY_VERSION.CONTENT);
        return Flux.from(sql.select(STRATEGY_VERSION.BRAND_ID, STRATEGY_VERSION.NUMBER, monitoring, responsibilities)
                        .distinctOn(STRATEGY_VERSION.BRAND_ID)
                        .from(STRATEGY_VERSION)
                        .where(STRATEGY_VERSION.TENANT_ID.eq(tenant.value())
                                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED)))
                                .and(STRATEGY_VERSION.BRAND_ID.eq(DSL.any(
                                        brands.stream().map(BrandId::value).toArray(UUID[]::new)))))
                        .orderBy(STRATEGY_VERSION.BRAND_ID, STRATEGY_VERSION.NUMBER.desc()))
                .map(row -> {
                    List<StrategyContent.TaskResponsibility> team = row.value4() == null ? List.of()
                            : ContentJson.readList(row.value4(),
                                    new TypeReference<List<StrategyContent.TaskResponsibility>>() {
                                    }).stream()
                                    .filter(task -> task.task() == StrategyContent.Task.MONITORING).toList();
                    return new ApprovedMonitoring(new BrandId(row.value1()), row.value2(),
                            ContentJson.readPart(row.value3(), StrategyContent.MonitoringRequirement.class),
                            team.stream().flatMap(task -> task.responsibleMemberIds().stream()).distinct().toList(),
                            team.stream().flatMap(task -> task.deputyMemberIds().stream()).distinct().toList());
                });
    }

    /** Stores a new draft numbered after the brand's last version; a second draft breaks a unique index. */
    public Mono<StrategyVersion> insertDraft(DSLContext sql, TenantId tenant, BrandId brand, StrategyContent content) {
        return Mono.from(sql.select(DSL.coalesce(DSL.max(STRATEGY_VERSION.NUMBER), 0)).from(STRATEGY_VERSION)
                        .where(ofBrand(tenant, brand)))
                .flatMap(last -> Mono.from(sql.insertInto(STRATEGY_VERSION)
                        .set(STRATEGY_VERSION.TENANT_ID, tenant.value())
                        .set(STRATEGY_VERSION.BRAND_ID, brand.value())
                        .set(STRATEGY_VERSION.NUMBER, last.value1() + 1)
                        .set(STRATEGY_VERSION.STATUS, value(StrategyStatus.DRAFT))
                        .set(STRATEGY_VERSION.CONTENT, ContentJson.write(content))
                        .returning()))
                .map(StrategyRepository::version);
    }

    /** Replaces the draft's content if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<StrategyVersion> updateDraft(DSLContext sql, TenantId tenant, StrategyVersion draft,
                                             StrategyContent content, int expectedVersion) {
        return Mono.from(sql.update(STRATEGY_VERSION)
                        .set(STRATEGY_VERSION.CONTENT, ContentJson.write(content))
                        .set(STRATEGY_VERSION.UPDATED_AT, DSL.currentInstant())
                        .set(STRATEGY_VERSION.VERSION, STRATEGY_VERSION.VERSION.plus(1))
                        .where(editableDraft(tenant, draft, expectedVersion))
                        .returning())
                .map(StrategyRepository::version);
    }

    /** Approves the draft if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<StrategyVersion> approve(DSLContext sql, TenantId tenant, StrategyVersion draft, int expectedVersion,
                                         UserId approver) {
        return Mono.from(sql.update(STRATEGY_VERSION)
                        .set(STRATEGY_VERSION.STATUS, value(StrategyStatus.APPROVED))
                        .set(STRATEGY_VERSION.APPROVED_AT, DSL.currentInstant())
                        .set(STRATEGY_VERSION.APPROVED_BY, approver.value())
                        .set(STRATEGY_VERSION.UPDATED_AT, DSL.currentInstant())
                        .set(STRATEGY_VERSION.VERSION, STRATEGY_VERSION.VERSION.plus(1))
                        .where(editableDraft(tenant, draft, expectedVersion))
                        .returning())
                .map(StrategyRepository::version);
    }

    /** One page, newest first; with {@code approvedOnly} drafts are left out. */
    public Mono<Page<StrategyVersion>> list(DSLContext sql, TenantId tenant, BrandId brand, boolean approvedOnly,
                                            int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ofBrand(tenant, brand));
        if (approvedOnly) {
            conditions.add(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.APPROVED)));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 1);
        if (after != null) {
            conditions.add(STRATEGY_VERSION.NUMBER.lt(number(after.get(0))));
        }
        return Flux.from(sql.selectFrom(STRATEGY_VERSION).where(conditions)
                        .orderBy(STRATEGY_VERSION.NUMBER.desc()).limit(limit + 1))
                .map(StrategyRepository::version)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, Integer.toString(last.number()))));
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private static Condition ofBrand(TenantId tenant, BrandId brand) {
        return STRATEGY_VERSION.TENANT_ID.eq(tenant.value()).and(STRATEGY_VERSION.BRAND_ID.eq(brand.value()));
    }

    private static Condition editableDraft(TenantId tenant, StrategyVersion draft, int expectedVersion) {
        return ofBrand(tenant, draft.brand()).and(STRATEGY_VERSION.NUMBER.eq(draft.number()))
                .and(STRATEGY_VERSION.STATUS.eq(value(StrategyStatus.DRAFT)))
                .and(STRATEGY_VERSION.VERSION.eq(expectedVersion));
    }

    private static String value(StrategyStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static StrategyVersion version(StrategyVersionRecord row) {
        return new StrategyVersion(new BrandId(row.getBrandId()), row.getNumber(),
                StrategyStatus.valueOf(row.getStatus().toUpperCase(Locale.ROOT)), ContentJson.read(row.getContent()),
                row.getCreatedAt(), row.getUpdatedAt(), row.getApprovedAt(),
                row.getApprovedBy() == null ? null : new UserId(row.getApprovedBy()), row.getVersion());
    }
}
