package com.agencyhub.calendar.internal;

import com.agencyhub.calendar.PlanAdherence;
import com.agencyhub.calendar.PlatformWeekCount;
import com.agencyhub.calendar.PostStatus;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.POST;

/**
 * The counts plan adherence compares with the strategy, aggregated in PostgreSQL over the calendar's
 * (tenant, brand, planned time) index: posts per brand, local week and platform, and per pillar.
 */
@Repository
public class AdherenceRepository {

    private static final String[] APPROVED_OR_FURTHER = {PostStatus.APPROVED.value(), PostStatus.SCHEDULED.value(),
            PostStatus.PUBLISHED.value()};

    /**
     * Posts per brand, week and platform for the weeks from {@code firstMonday} to {@code endMonday} (exclusive),
     * each brand's weeks in its zone. {@code from} and {@code to} bound the planned times for the index; the local
     * weeks decide. A post counts once per platform, however many variants it has there.
     */
    public Flux<PlatformWeekCount> weeklyCounts(DSLContext sql, TenantId tenant, Map<BrandId, ZoneId> zones,
                                                LocalDate firstMonday, LocalDate endMonday, Instant from, Instant to) {
        List<Map.Entry<BrandId, ZoneId>> entries = List.copyOf(zones.entrySet());
        UUID[] brands = entries.stream().map(entry -> entry.getKey().value()).toArray(UUID[]::new);
        String[] zoneIds = entries.stream().map(entry -> entry.getValue().getId()).toArray(String[]::new);
        return Flux.from(sql.resultQuery("""
                        select p.brand_id, (date_trunc('week', p.planned_at at time zone z.zone))::date, v.platform,
                               count(*) filter (where p.status <> {0}),
                               count(*) filter (where p.status = any({1})),
                               count(*) filter (where p.status = {2})
                        from post p
                        join unnest({3}, {4}) as z(brand_id, zone) on z.brand_id = p.brand_id
                        cross join lateral (
                            select distinct variant ->> 'platform' as platform
                            from jsonb_array_elements(p.variants) variant) v
                        where p.tenant_id = {5} and p.brand_id = any({3})
                          and p.planned_at >= {6} and p.planned_at < {7}
                          and (p.planned_at at time zone z.zone) >= {8} and (p.planned_at at time zone z.zone) < {9}
                        group by 1, 2, 3""",
                        DSL.val(PostStatus.CANCELLED.value()), DSL.val(APPROVED_OR_FURTHER),
                        DSL.val(PostStatus.PUBLISHED.value()), DSL.val(brands), DSL.val(zoneIds),
                        DSL.val(tenant.value()), DSL.val(from), DSL.val(to), DSL.val(firstMonday.atStartOfDay()),
                        DSL.val(endMonday.atStartOfDay())))
                .map(row -> new PlatformWeekCount(new BrandId(row.get(0, UUID.class)), row.get(1, LocalDate.class),
                        row.get(2, String.class), row.get(3, Integer.class), row.get(4, Integer.class),
                        row.get(5, Integer.class)));
    }

    /** The brand's posts planned in {@code [from, to)} that are not cancelled, per pillar (null: none). */
    public Flux<PlanAdherence.PillarCount> pillarCounts(DSLContext sql, TenantId tenant, BrandId brand, Instant from,
                                                       Instant to) {
        return Flux.from(sql.select(POST.PILLAR, DSL.count()).from(POST)
                        .where(POST.TENANT_ID.eq(tenant.value()).and(POST.BRAND_ID.eq(brand.value()))
                                .and(POST.PLANNED_AT.ge(from)).and(POST.PLANNED_AT.lt(to))
                                .and(POST.STATUS.ne(PostStatus.CANCELLED.value())))
                        .groupBy(POST.PILLAR))
                .map(row -> new PlanAdherence.PillarCount(row.value1(), row.value2()));
    }
}
