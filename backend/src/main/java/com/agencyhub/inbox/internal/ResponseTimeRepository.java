package com.agencyhub.inbox.internal;

import com.agencyhub.inbox.ResponseTimeBreaches;
import com.agencyhub.inbox.ResponseTimeBreakdown;
import com.agencyhub.inbox.ResponseTimeFigures;
import com.agencyhub.inbox.ResponseTimeGroup;
import com.agencyhub.inbox.ResponseTimePeriod;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.agencyhub.jooq.Tables.INTERACTION;
import static com.agencyhub.jooq.Tables.INTERACTION_EVENT;

/**
 * The figures of response-time reports, aggregated by PostgreSQL in one statement per report: one grouping set per
 * breakdown, counts with filter clauses, percentile_cont for median and 90th percentile. No row leaves the database.
 */
@Repository
public class ResponseTimeRepository {

    /**
     * Memory and time for the report's statement, for its transaction only. A year of a busy brand sorts a million
     * rows once per breakdown: PostgreSQL's default 4 MB sends those sorts to disk (measured: 37 s at 4 MB, 19 s at
     * 64 MB for 1M items on a loaded 2-core machine; docs/scaling.md), and such a year may take longer than the
     * application role's 30 s statement timeout, which is meant for the requests people wait on.
     */
    public static final String REPORT_SETTINGS = "select set_config('work_mem', '64MB', true), "
            + "set_config('statement_timeout', '2min', true)";

    /** An escalation's detail says whether it reached anyone; one that did not is a failed escalation. */
    private static final String NOBODY_REACHED = "{\"outcome\": \"failed\"}";

    /**
     * The groups of the breakdowns asked for (the total always) of the agency's items received in the period, of one
     * brand or of all ({@code brand} null), as of {@code now}: open items past their due time have missed it.
     */
    public Mono<List<ResponseTimeGroup>> groups(DSLContext sql, TenantId tenant, BrandId brand,
                                                ResponseTimePeriod period, Instant now,
                                                Set<ResponseTimeBreakdown> breakdowns) {
        Report report = new Report(tenant, brand, period, now, breakdowns);
        return Mono.from(sql.resultQuery(REPORT_SETTINGS))
                .thenMany(Flux.from(report.select(sql)).map(report::group)).collectList();
    }

    /** The statement of {@link #groups} with its values written in, for benchmarks that time it bare. */
    public String statement(TenantId tenant, BrandId brand, ResponseTimePeriod period, Instant now,
                            Set<ResponseTimeBreakdown> breakdowns) {
        DSLContext rendering = DSL.using(SQLDialect.POSTGRES);
        return rendering.renderInlined(new Report(tenant, brand, period, now, breakdowns).select(rendering));
    }

    /** One report's statement: what it selects, from which rows, grouped how; and how to read its rows. */
    private static final class Report {

        private final Dimensions dimensions;
        private final ClockFields firstResponse;
        private final ClockFields resolution;
        private final Columns columns = new Columns();
        private final List<Integer> groupings;
        private final int received;
        private final int uncovered;
        private final int escalationFailed;
        private final Condition scope;
        private final Field<?>[][] sets;

        Report(TenantId tenant, BrandId brand, ResponseTimePeriod period, Instant now,
               Set<ResponseTimeBreakdown> breakdowns) {
            dimensions = new Dimensions(period, breakdowns);
            firstResponse = new ClockFields(INTERACTION.FIRST_RESPONSE_AT.isNotNull(), INTERACTION.FIRST_RESPONSE_AT,
                    INTERACTION.FIRST_RESPONSE_DUE_AT, INTERACTION.FIRST_RESPONSE_SECONDS,
                    INTERACTION.FIRST_RESPONSE_BUSINESS_SECONDS, DSL.val(now));
            // a waiting item is open, its resolution clock judged where it paused: not missed if it was not due then
            resolution = new ClockFields(INTERACTION.STATUS.eq("resolved"), INTERACTION.RESOLVED_AT,
                    INTERACTION.RESOLUTION_DUE_AT, INTERACTION.RESOLUTION_SECONDS,
                    INTERACTION.RESOLUTION_BUSINESS_SECONDS, DSL.coalesce(INTERACTION.WAITING_SINCE, DSL.val(now)));
            dimensions.all.forEach(columns::add);
            groupings = dimensions.all.stream().map(field -> columns.add(DSL.grouping(field))).toList();
            received = columns.add(DSL.count());
            firstResponse.addTo(columns);
            resolution.addTo(columns);
            uncovered = columns.add(DSL.count().filterWhere(firstResponse.missed
                    .and(INTERACTION.WINDOW_CLASS.eq("uncovered"))));
            escalationFailed = columns.add(DSL.count().filterWhere(firstResponse.missed
                    .and(INTERACTION.WINDOW_CLASS.ne("uncovered")).and(nobodyReached())));
            Condition rows = INTERACTION.TENANT_ID.eq(tenant.value())
                    .and(INTERACTION.RECEIVED_AT.ge(period.start()))
                    .and(INTERACTION.RECEIVED_AT.lt(period.end()));
            scope = brand == null ? rows : rows.and(INTERACTION.BRAND_ID.eq(brand.value()));
            sets = breakdowns.stream().map(breakdown -> dimensions.of(breakdown).toArray(Field<?>[]::new))
                    .toArray(Field<?>[][]::new);
        }

        Select<Record> select(DSLContext sql) {
            return sql.select(columns.all).from(INTERACTION).where(scope).groupBy(DSL.groupingSets(sets));
        }

        ResponseTimeGroup group(Record row) {
            ResponseTimeBreakdown breakdown = dimensions.breakdownOf(groupings.stream()
                    .map(index -> row.get(index, Integer.class) == 0).toList());
            ResponseTimeFigures figures = new ResponseTimeFigures(columns.count(row, received),
                    firstResponse.read(row, columns), resolution.read(row, columns));
            long missed = figures.firstResponse().missedTarget();
            long notCovered = columns.count(row, uncovered);
            long failed = columns.count(row, escalationFailed);
            return new ResponseTimeGroup(breakdown, dimensions.key(breakdown, row), figures,
                    new ResponseTimeBreaches(missed, notCovered, failed, missed - notCovered - failed));
        }
    }

    /**
     * The select list, read back by position: the aggregates' names repeat ({@code count}, {@code grouping}), so a
     * lookup by field could find the wrong column.
     */
    private static final class Columns {

        final List<Field<?>> all = new ArrayList<>();

        int add(Field<?> field) {
            all.add(field);
            return all.size() - 1;
        }

        long count(Record row, int index) {
            return row.get(index, Long.class);
        }

        Double number(Record row, int index) {
            return row.get(index, Double.class);
        }
    }

    /** The item has an escalation that reached nobody. */
    private static Condition nobodyReached() {
        return DSL.exists(DSL.selectOne().from(INTERACTION_EVENT)
                .where(INTERACTION_EVENT.TENANT_ID.eq(INTERACTION.TENANT_ID))
                .and(INTERACTION_EVENT.INTERACTION_ID.eq(INTERACTION.ID))
                .and(INTERACTION_EVENT.TYPE.eq("escalated"))
                .and(DSL.condition("{0} @> {1}::jsonb", INTERACTION_EVENT.DETAIL, DSL.inline(NOBODY_REACHED))));
    }

    /**
     * The columns the breakdowns group by, each with its {@code grouping()} (0 where the row's set groups by it). The
     * zone is written into the statement, not bound: a bound value in the select list and another in GROUP BY would
     * be two different expressions to PostgreSQL. It is a zone id the brand's settings checked.
     */
    private static final class Dimensions {

        final Field<String> windowClass = INTERACTION.WINDOW_CLASS;
        final Field<String> channel = INTERACTION.CHANNEL;
        final Field<String> priority = INTERACTION.PRIORITY;
        final Field<String> kind = INTERACTION.KIND;
        final Field<LocalDate> week;
        final Field<Integer> weekday;
        final Field<Integer> hour;
        final Field<UUID> responder = INTERACTION.FIRST_RESPONSE_BY;
        final Field<UUID> brand = INTERACTION.BRAND_ID;
        final List<Field<?>> all;
        private final Map<ResponseTimeBreakdown, List<Field<?>>> byBreakdown = new EnumMap<>(ResponseTimeBreakdown.class);

        Dimensions(ResponseTimePeriod period, Set<ResponseTimeBreakdown> breakdowns) {
            Field<LocalDateTime> local = DSL.field("({0} at time zone {1})", LocalDateTime.class,
                    INTERACTION.RECEIVED_AT, DSL.inline(period.zone().getId()));
            week = DSL.field("(date_trunc('week', {0}))::date", LocalDate.class, local);
            weekday = DSL.field("extract(isodow from {0})::integer", Integer.class, local);
            hour = DSL.field("extract(hour from {0})::integer", Integer.class, local);
            byBreakdown.put(ResponseTimeBreakdown.TOTAL, List.of());
            byBreakdown.put(ResponseTimeBreakdown.WINDOW_CLASS, List.of(windowClass));
            byBreakdown.put(ResponseTimeBreakdown.CHANNEL, List.of(channel));
            byBreakdown.put(ResponseTimeBreakdown.PRIORITY, List.of(priority));
            byBreakdown.put(ResponseTimeBreakdown.KIND, List.of(kind));
            byBreakdown.put(ResponseTimeBreakdown.WEEK, List.of(week));
            byBreakdown.put(ResponseTimeBreakdown.WEEKDAY_HOUR, List.of(weekday, hour));
            byBreakdown.put(ResponseTimeBreakdown.RESPONDER, List.of(responder));
            byBreakdown.put(ResponseTimeBreakdown.BRAND, List.of(brand));
            // only the columns of the breakdowns asked for: grouping() takes only what GROUP BY names
            all = Stream.<Field<?>>of(windowClass, channel, priority, kind, week, weekday, hour, responder, brand)
                    .filter(field -> breakdowns.stream().anyMatch(breakdown -> of(breakdown).contains(field)))
                    .toList();
        }

        List<Field<?>> of(ResponseTimeBreakdown breakdown) {
            return byBreakdown.get(breakdown);
        }

        /**
         * The breakdown whose grouping set made a row: the one grouping by exactly the columns that the row's
         * {@code grouping()} values (in the order of {@link #all}) mark as grouped.
         */
        ResponseTimeBreakdown breakdownOf(List<Boolean> groupedBy) {
            List<Field<?>> grouped = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (groupedBy.get(i)) {
                    grouped.add(all.get(i));
                }
            }
            return byBreakdown.entrySet().stream().filter(entry -> entry.getValue().equals(grouped))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a row of no breakdown: " + grouped));
        }

        List<String> key(ResponseTimeBreakdown breakdown, Record row) {
            // the dimensions come first in the select list, in the order of all
            return byBreakdown.get(breakdown).stream()
                    .map(field -> Objects.toString(row.get(all.indexOf(field)), null)).toList();
        }
    }

    /** The aggregates of one clock (first response or resolution), and how to read them from a row. */
    private static final class ClockFields {

        final Condition missed;
        private final List<Field<?>> counts;
        private final Durations business;
        private final Durations calendar;
        private int first;

        ClockFields(Condition done, Field<Instant> doneAt, Field<Instant> due, Field<Integer> seconds,
                    Field<Integer> businessSeconds, Field<Instant> openAsOf) {
            missed = done.and(doneAt.gt(due)).or(done.not().and(due.le(openAsOf)));
            // completed, open, within target, missed, not yet due, without target
            counts = List.of(DSL.count().filterWhere(done), DSL.count().filterWhere(done.not()),
                    DSL.count().filterWhere(done.and(doneAt.le(due))), DSL.count().filterWhere(missed),
                    DSL.count().filterWhere(done.not().and(due.gt(openAsOf))), DSL.count().filterWhere(due.isNull()));
            business = new Durations(businessSeconds, done);
            calendar = new Durations(seconds, done);
        }

        /** Adds the clock's columns in a row: its counts, then business and calendar durations. */
        void addTo(Columns columns) {
            first = columns.all.size();
            counts.forEach(columns::add);
            business.fields().forEach(columns::add);
            calendar.fields().forEach(columns::add);
        }

        ResponseTimeFigures.Clock read(Record row, Columns columns) {
            int at = first;
            return new ResponseTimeFigures.Clock(columns.count(row, at), columns.count(row, at + 1),
                    columns.count(row, at + 2), columns.count(row, at + 3), columns.count(row, at + 4),
                    columns.count(row, at + 5), business.read(row, columns, at + 6),
                    calendar.read(row, columns, at + 9));
        }
    }

    /** Median, 90th percentile and mean of the done items' seconds (PostgreSQL shares one sort between the two). */
    private record Durations(Field<BigDecimal> median, Field<BigDecimal> p90,
                             Field<BigDecimal> mean) {

        Durations(Field<Integer> seconds, Condition done) {
            this(DSL.percentileCont(0.5).withinGroupOrderBy(seconds).filterWhere(done),
                    DSL.percentileCont(0.9).withinGroupOrderBy(seconds).filterWhere(done),
                    DSL.avg(seconds).filterWhere(done));
        }

        List<Field<?>> fields() {
            return List.of(median, p90, mean);
        }

        ResponseTimeFigures.Durations read(Record row, Columns columns, int at) {
            return ResponseTimeFigures.Durations.ofSeconds(columns.number(row, at), columns.number(row, at + 1),
                    columns.number(row, at + 2));
        }
    }
}
