package com.agencyhub.timesheets.internal;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.timesheets.TrackedActivity;
import com.agencyhub.timesheets.TrackedBrand;
import com.agencyhub.timesheets.TrackedFigures;
import com.agencyhub.timesheets.TrackedMember;
import com.agencyhub.timesheets.TrackedMonth;
import io.r2dbc.spi.Row;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static com.agencyhub.jooq.Tables.TIME_ENTRY;

/**
 * The sums over time entries that the reports read, grouped in the database. Every statement reads one agency's
 * entries of a date range through an index that leads with the tenant (and the brand, when there is one) and the
 * work date.
 */
@Repository
public class TrackedTimeRepository {

    private static final Field<Long> BILLABLE_MINUTES = minutes(true).as("billable_minutes");
    private static final Field<Long> NON_BILLABLE_MINUTES = minutes(false).as("non_billable_minutes");
    private static final Field<BigDecimal> BILL_AMOUNT = DSL.coalesce(DSL.sum(TIME_ENTRY.BILL_AMOUNT),
            BigDecimal.ZERO).as("bill_amount");
    private static final Field<BigDecimal> COST_AMOUNT = DSL.coalesce(DSL.sum(TIME_ENTRY.COST_AMOUNT),
            BigDecimal.ZERO).as("cost_amount");
    private static final Field<LocalDate> MONTH_OF_WORK_DATE = DSL.field("date_trunc('month', {0})::date",
            SQLDataType.LOCALDATE, TIME_ENTRY.WORK_DATE);
    private static final Field<LocalDate> MONTH = MONTH_OF_WORK_DATE.as("month");

    private final Transactions transactions;

    TrackedTimeRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public Mono<List<TrackedActivity>> byActivity(TenantId tenant, BrandId brand, YearMonth month) {
        return transactions.fetch(tenant, DSL.select(figuresAnd(TIME_ENTRY.ACTIVITY_ID))
                        .from(TIME_ENTRY)
                        .where(inMonth(tenant, month).and(TIME_ENTRY.BRAND_ID.eq(brand.value())))
                        .groupBy(TIME_ENTRY.ACTIVITY_ID),
                row -> new TrackedActivity(new ActivityId(row.get(TIME_ENTRY.ACTIVITY_ID.getName(), UUID.class)),
                        figures(row)));
    }

    public Mono<List<TrackedBrand>> byBrand(TenantId tenant, YearMonth month) {
        return monthBy(tenant, month, TIME_ENTRY.BRAND_ID, (brand, figures) -> new TrackedBrand(new BrandId(brand),
                figures));
    }

    public Mono<List<TrackedMember>> byMember(TenantId tenant, YearMonth month) {
        return monthBy(tenant, month, TIME_ENTRY.MEMBER_ID, (member, figures) -> new TrackedMember(new UserId(member),
                figures));
    }

    /** The agency's month grouped by one column. */
    private <T> Mono<List<T>> monthBy(TenantId tenant, YearMonth month, Field<UUID> key,
                                      BiFunction<UUID, TrackedFigures, T> result) {
        return transactions.fetch(tenant, DSL.select(figuresAnd(key)).from(TIME_ENTRY).where(inMonth(tenant, month))
                .groupBy(key), row -> result.apply(row.get(key.getName(), UUID.class), figures(row)));
    }

    /**
     * Each brand's range of work dates is its own: the brands and their first days are joined as arrays. The
     * brands and the earliest first day are repeated as plain conditions, which the planner can estimate: it reads
     * each brand's few open months through the index that leads with the tenant, the brand and the work date. When
     * every brand starts on the same day (an agency that closes no months, its chains walked from the contracts'
     * start) one plain range serves them all: the join would sort the whole range (1.3 s against 0.84 s at 2,000,000
     * entries, docs/scaling.md).
     */
    public Mono<List<TrackedMonth>> billableByMonth(TenantId tenant, Map<BrandId, YearMonth> from, YearMonth to) {
        UUID[] brands = from.keySet().stream().map(BrandId::value).toArray(UUID[]::new);
        YearMonth earliest = from.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        Condition inRange = TIME_ENTRY.TENANT_ID.eq(tenant.value())
                .and(TIME_ENTRY.BRAND_ID.eq(DSL.any(brands)))
                .and(TIME_ENTRY.WORK_DATE.ge(earliest.atDay(1)))
                .and(TIME_ENTRY.WORK_DATE.lt(to.atDay(1)));
        boolean oneStart = from.values().stream().distinct().count() == 1;
        return transactions.fetch(tenant, DSL.select(TIME_ENTRY.BRAND_ID, MONTH, BILLABLE_MINUTES)
                        .from(oneStart ? TIME_ENTRY : TIME_ENTRY.join(ownStarts(from)).on(
                                TIME_ENTRY.BRAND_ID.eq(DSL.field("chain.brand_id", UUID.class))
                                        .and(TIME_ENTRY.WORK_DATE.ge(DSL.field("chain.first_day", LocalDate.class)))))
                        .where(inRange)
                        .groupBy(TIME_ENTRY.BRAND_ID, MONTH_OF_WORK_DATE),
                row -> new TrackedMonth(new BrandId(row.get(TIME_ENTRY.BRAND_ID.getName(), UUID.class)),
                        YearMonth.from(row.get(MONTH.getName(), LocalDate.class)),
                        row.get(BILLABLE_MINUTES.getName(), Long.class)));
    }

    /** The brands with the first day of their chains, as a table {@code chain(brand_id, first_day)}. */
    private static Table<?> ownStarts(Map<BrandId, YearMonth> from) {
        List<Map.Entry<BrandId, YearMonth>> ranges = List.copyOf(from.entrySet());
        UUID[] brands = ranges.stream().map(range -> range.getKey().value()).toArray(UUID[]::new);
        String[] firstDays = ranges.stream().map(range -> range.getValue().atDay(1).toString()).toArray(String[]::new);
        return DSL.table("unnest({0}::uuid[], {1}::date[]) as chain(brand_id, first_day)", DSL.val(brands),
                DSL.val(firstDays));
    }

    private static Condition inMonth(TenantId tenant, YearMonth month) {
        return TIME_ENTRY.TENANT_ID.eq(tenant.value())
                .and(TIME_ENTRY.WORK_DATE.ge(month.atDay(1)))
                .and(TIME_ENTRY.WORK_DATE.lt(month.plusMonths(1).atDay(1)));
    }

    private static List<SelectField<?>> figuresAnd(Field<?> key) {
        return List.of(key, BILLABLE_MINUTES, NON_BILLABLE_MINUTES, BILL_AMOUNT, COST_AMOUNT);
    }

    private static Field<Long> minutes(boolean billable) {
        return DSL.coalesce(DSL.sum(TIME_ENTRY.MINUTES).filterWhere(TIME_ENTRY.BILLABLE.eq(billable)), BigDecimal.ZERO)
                .cast(SQLDataType.BIGINT);
    }

    private static TrackedFigures figures(Row row) {
        return new TrackedFigures(row.get(BILLABLE_MINUTES.getName(), Long.class),
                row.get(NON_BILLABLE_MINUTES.getName(), Long.class), row.get(BILL_AMOUNT.getName(), BigDecimal.class),
                row.get(COST_AMOUNT.getName(), BigDecimal.class));
    }
}
