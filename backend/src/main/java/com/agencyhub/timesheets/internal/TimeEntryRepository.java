package com.agencyhub.timesheets.internal;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import com.agencyhub.timesheets.TimeEntry;
import com.agencyhub.timesheets.TimeEntryFilter;
import com.agencyhub.timesheets.TimeEntryId;
import com.agencyhub.timesheets.TimeEntrySource;
import com.agencyhub.jooq.tables.records.TimeEntryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.TIME_ENTRY;

@Repository
public class TimeEntryRepository {

    private static final String CURSOR = "time-entries";

    /** What the adjustments of one entry add up to. */
    public record AdjustedTotals(int minutes, BigDecimal surchargeAmount, BigDecimal billAmount,
                                 BigDecimal costAmount) {
    }

    /**
     * Waits for the other writes of the members' entries and keeps them waiting until this transaction ends, so that
     * the overlap check before a write sees every entry it could collide with (the exclusion constraint stays the
     * last wall).
     */
    public Mono<Void> lockMembers(DSLContext sql, TenantId tenant, Collection<UserId> members) {
        return Flux.fromIterable(members.stream().map(UserId::value).distinct().sorted().toList())
                .concatMap(member -> Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                        DSL.val("time-member " + tenant.value() + " " + member))))
                .then();
    }

    public Mono<TimeEntry> insert(DSLContext sql, TenantId tenant, TimeEntry entry) {
        return Mono.from(sql.insertInto(TIME_ENTRY)
                        .set(TIME_ENTRY.TENANT_ID, tenant.value())
                        .set(TIME_ENTRY.ID, entry.id().value())
                        .set(TIME_ENTRY.SOURCE, Slugs.of(entry.source()))
                        .set(TIME_ENTRY.ADJUSTS_ID, entry.adjusts() == null ? null : entry.adjusts().value())
                        .set(TIME_ENTRY.CREATED_BY, entry.createdBy().value())
                        .set(changeable(entry))
                        .returning())
                .map(TimeEntryRepository::entry);
    }

    /** Writes the entry's changed fields if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<TimeEntry> update(DSLContext sql, TenantId tenant, TimeEntry entry, int expectedVersion) {
        return Mono.from(sql.update(TIME_ENTRY)
                        .set(changeable(entry))
                        .set(TIME_ENTRY.VERSION, TIME_ENTRY.VERSION.plus(1))
                        .set(TIME_ENTRY.UPDATED_AT, DSL.currentInstant())
                        .where(byId(tenant, entry.id()).and(TIME_ENTRY.VERSION.eq(expectedVersion)))
                        .returning())
                .map(TimeEntryRepository::entry);
    }

    /** What a change may set: who, what, when and the prices; the source and the corrected entry stay. */
    private static Map<Field<?>, Object> changeable(TimeEntry entry) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(TIME_ENTRY.MEMBER_ID, entry.member().value());
        values.put(TIME_ENTRY.BRAND_ID, entry.brand().value());
        values.put(TIME_ENTRY.ACTIVITY_ID, entry.activity().value());
        values.put(TIME_ENTRY.WORK_DATE, entry.workDate());
        values.put(TIME_ENTRY.STARTS_AT, entry.start());
        values.put(TIME_ENTRY.ENDS_AT, entry.end());
        values.put(TIME_ENTRY.MINUTES, entry.minutes());
        values.put(TIME_ENTRY.BILLABLE, entry.billable());
        values.put(TIME_ENTRY.NOTE, entry.note());
        values.put(TIME_ENTRY.BILL_RATE, entry.billRate());
        values.put(TIME_ENTRY.COST_RATE, entry.costRate());
        values.put(TIME_ENTRY.SURCHARGE_AMOUNT, entry.surchargeAmount());
        values.put(TIME_ENTRY.BILL_AMOUNT, entry.billAmount());
        values.put(TIME_ENTRY.COST_AMOUNT, entry.costAmount());
        return values;
    }

    public Mono<TimeEntry> find(DSLContext sql, TenantId tenant, TimeEntryId id) {
        return Mono.from(sql.selectFrom(TIME_ENTRY).where(byId(tenant, id))).map(TimeEntryRepository::entry);
    }

    /** Deletes the entry if it still has {@code expectedVersion}; emits whether it did. */
    public Mono<Boolean> delete(DSLContext sql, TenantId tenant, TimeEntryId id, int expectedVersion) {
        return Mono.from(sql.deleteFrom(TIME_ENTRY).where(byId(tenant, id).and(TIME_ENTRY.VERSION.eq(expectedVersion))))
                .map(deleted -> deleted > 0);
    }

    /** The member's timed entries overlapping {@code [start, end)}, but {@code except}, by start. */
    public Flux<TimeEntry> overlapping(DSLContext sql, TenantId tenant, UserId member, Instant start, Instant end,
                                       TimeEntryId except) {
        Condition condition = TIME_ENTRY.TENANT_ID.eq(tenant.value())
                .and(TIME_ENTRY.MEMBER_ID.eq(member.value()))
                .and(TIME_ENTRY.STARTS_AT.lt(end))
                .and(TIME_ENTRY.ENDS_AT.gt(start));
        if (except != null) {
            condition = condition.and(TIME_ENTRY.ID.ne(except.value()));
        }
        return Flux.from(sql.selectFrom(TIME_ENTRY).where(condition).orderBy(TIME_ENTRY.STARTS_AT, TIME_ENTRY.ID))
                .map(TimeEntryRepository::entry);
    }

    /** The sums of the adjustments correcting the entry (zeros without any). */
    public Mono<AdjustedTotals> adjustments(DSLContext sql, TenantId tenant, TimeEntryId original) {
        return Mono.from(sql.select(DSL.coalesce(DSL.sum(TIME_ENTRY.MINUTES), BigDecimal.ZERO),
                                DSL.coalesce(DSL.sum(TIME_ENTRY.SURCHARGE_AMOUNT), BigDecimal.ZERO),
                                DSL.coalesce(DSL.sum(TIME_ENTRY.BILL_AMOUNT), BigDecimal.ZERO),
                                DSL.coalesce(DSL.sum(TIME_ENTRY.COST_AMOUNT), BigDecimal.ZERO))
                        .from(TIME_ENTRY)
                        .where(TIME_ENTRY.TENANT_ID.eq(tenant.value()).and(TIME_ENTRY.ADJUSTS_ID.eq(original.value()))))
                .map(row -> new AdjustedTotals(row.value1().intValueExact(), row.value2(), row.value3(),
                        row.value4()));
    }

    /** Whether adjustments correct the entry. */
    public Mono<Boolean> isAdjusted(DSLContext sql, TenantId tenant, TimeEntryId original) {
        return Mono.from(sql.select(DSL.field(DSL.exists(DSL.selectOne().from(TIME_ENTRY)
                        .where(TIME_ENTRY.TENANT_ID.eq(tenant.value())
                                .and(TIME_ENTRY.ADJUSTS_ID.eq(original.value())))))))
                .map(row -> row.value1());
    }

    /** One page of the entries matching the filter, by work date, then id. */
    public Mono<Page<TimeEntry>> list(DSLContext sql, TenantId tenant, TimeEntryFilter filter, int limit,
                                      String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(TIME_ENTRY.TENANT_ID.eq(tenant.value()));
        if (filter.member() != null) {
            conditions.add(TIME_ENTRY.MEMBER_ID.eq(filter.member().value()));
        }
        if (filter.brand() != null) {
            conditions.add(TIME_ENTRY.BRAND_ID.eq(filter.brand().value()));
        }
        if (filter.activity() != null) {
            conditions.add(TIME_ENTRY.ACTIVITY_ID.eq(filter.activity().value()));
        }
        if (filter.billable() != null) {
            conditions.add(TIME_ENTRY.BILLABLE.eq(filter.billable()));
        }
        if (filter.from() != null) {
            conditions.add(TIME_ENTRY.WORK_DATE.ge(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(TIME_ENTRY.WORK_DATE.le(filter.to()));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(TIME_ENTRY.WORK_DATE, TIME_ENTRY.ID).gt(Cursor.date(after.get(0)),
                    Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(TIME_ENTRY).where(conditions)
                        .orderBy(TIME_ENTRY.WORK_DATE, TIME_ENTRY.ID)
                        .limit(DSL.inline(limit + 1)))
                .map(TimeEntryRepository::entry)
                .collectList()
                .map(entries -> Page.of(entries, limit, last -> Cursor.encode(CURSOR, last.workDate().toString(),
                        last.id().toString())));
    }

    private static Condition byId(TenantId tenant, TimeEntryId id) {
        return TIME_ENTRY.TENANT_ID.eq(tenant.value()).and(TIME_ENTRY.ID.eq(id.value()));
    }

    private static TimeEntry entry(TimeEntryRecord row) {
        UUID adjusts = row.getAdjustsId();
        return new TimeEntry(new TimeEntryId(row.getId()), new UserId(row.getMemberId()), new BrandId(row.getBrandId()),
                new ActivityId(row.getActivityId()), row.getWorkDate(), row.getStartsAt(), row.getEndsAt(),
                row.getMinutes(), row.getBillable(), row.getNote(), Slugs.parse(TimeEntrySource.class, row.getSource()),
                adjusts == null ? null : new TimeEntryId(adjusts), row.getBillRate(), row.getCostRate(),
                row.getSurchargeAmount(), row.getBillAmount(), row.getCostAmount(), row.getVersion(),
                new UserId(row.getCreatedBy()), row.getCreatedAt(), row.getUpdatedAt());
    }
}
