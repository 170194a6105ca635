package com.agencyhub.devstack;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Alpenmilch's inbox since the start of last month, so that its response-time report (docs/response-time-reports.md)
 * shows a month: an item every 37 minutes or so (a quarter of them at night), classed by the brand's coverage windows (weekdays 08:00–20:00 and
 * weekends 10:00–18:00 inside, weekday evenings until 22:00 covered by the roster, nights uncovered), answered by Jonas
 * or Lea after a few minutes to well over an hour (uncovered ones the next morning), most resolved; a few never
 * answered, and for those that arrived while someone was on duty an escalation that reached nobody. Inserted with SQL
 * as the application role in one statement (external ids {@code history-n}), next to the few items {@link DemoInbox}
 * ingests through the API: a month of answers at chosen instants is one statement this way.
 */
final class DemoResponseTimes {

    private static final Logger log = LoggerFactory.getLogger(DemoResponseTimes.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int MINUTES_APART = 37;

    private DemoResponseTimes() {
    }

    static void fill(ApplicationContext context, TenantId tenant, BrandId alpenmilch, UserId jonas, UserId lea) {
        Transactions transactions = context.getBean(Transactions.class);
        Instant from = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(1).atStartOfDay(BERLIN).toInstant();
        long count = ChronoUnit.MINUTES.between(from, Instant.now().minus(Duration.ofHours(2))) / MINUTES_APART;
        Integer inserted = transactions.inTenant(tenant, sql -> Mono.from(sql.resultQuery(
                        "select count(*) from interaction where tenant_id = ? and brand_id = ? "
                                + "and external_id like 'history-%'", tenant.value(),
                        alpenmilch.value()))
                .map(found -> found.get(0, Integer.class))
                .flatMap(found -> found > 0 ? Mono.just(0) : Mono.from(sql.query(ITEMS, tenant.value(),
                                alpenmilch.value(), from.atOffset(ZoneOffset.UTC), jonas.value(), lea.value(), count))
                        .flatMap(items -> Mono.from(sql.query(ESCALATIONS, tenant.value(), alpenmilch.value()))
                                .thenReturn(items))))
                .block(TIMEOUT);
        log.info(inserted == 0 ? "Demo inbox history already there" : "Demo inbox history: {} interactions of Alpenmilch",
                inserted);
    }

    private static final String ITEMS = """
            with slots as (
                select n, ?::uuid as tenant_id, ?::uuid as brand_id,
                       ?::timestamptz + n * interval '37 minutes' + (abs(hashint4(n)) % 1200) * interval '1 second' as at,
                       30 + abs(hashint4(n * 7)) % 4500 as s,
                       ?::uuid as jonas, ?::uuid as lea
                from generate_series(0, ?::integer - 1) n
            ), local as (
                select *, extract(isodow from at at time zone 'Europe/Berlin') as d,
                       extract(hour from at at time zone 'Europe/Berlin') as h
                from slots
            ), classed as (
                select *, case when (d <= 5 and h between 8 and 19) or (d > 5 and h between 10 and 17) then 'inside'
                               when d <= 5 and h between 20 and 21 then 'covered' else 'uncovered' end as window_class,
                          n % 40 = 0 as never_answered
                from local
                where h between 7 and 22 or n % 4 = 0
            ), timed as (
                select *, case window_class when 'inside' then s when 'covered' then s * 2 else s + 39600 end as wait,
                          case window_class when 'uncovered' then interval '12 hours' else interval '60 minutes' end as target
                from classed
            )
            insert into interaction (tenant_id, id, brand_id, channel, external_id, kind, author_handle, body, received_at,
                priority, priority_source, window_class, guidelines_version, strategy_version, sla_clock,
                first_response_target_minutes, resolution_target_minutes, first_response_due_at, resolution_due_at,
                status, first_response_at, first_response_by, first_response_seconds, first_response_business_seconds,
                resolved_at, resolved_by, resolution_seconds, resolution_business_seconds, next_escalation_at)
            select tenant_id, gen_random_uuid(), brand_id, (array['instagram', 'instagram', 'tiktok', 'facebook'])[1 + n % 4],
                   'history-' || n, (array['comment', 'comment', 'direct-message', 'mention', 'review'])[1 + n % 5],
                   '@fan' || (n % 97), 'Demo item ' || n, at,
                   (array['normal', 'normal', 'high', 'normal', 'low', 'critical'])[1 + n % 6], 'given', window_class,
                   1, 1, 'business', 60, 1440, at + target, at + interval '1 day',
                   case when never_answered then 'open' when n % 3 = 0 then 'responded' else 'resolved' end,
                   case when not never_answered then at + make_interval(secs => wait) end,
                   case when not never_answered then case when n % 2 = 0 then jonas else lea end end,
                   case when not never_answered then wait end,
                   case when not never_answered then s end,
                   case when not never_answered and n % 3 <> 0 then at + make_interval(secs => wait + s * 4) end,
                   case when not never_answered and n % 3 <> 0 then case when n % 2 = 0 then jonas else lea end end,
                   case when not never_answered and n % 3 <> 0 then wait + s * 4 end,
                   case when not never_answered and n % 3 <> 0 then s * 5 end,
                   -- escalations of last month are history: the scheduler has nothing left to do for these items
                   'infinity'::timestamptz
            from timed""";

    /** The never-answered items that arrived while someone was meant to watch: their escalation reached nobody. */
    private static final String ESCALATIONS = """
            insert into interaction_event (tenant_id, id, interaction_id, type, at, source, detail)
            select tenant_id, gen_random_uuid(), id, 'escalated', first_response_due_at, 'system',
                   jsonb_build_object('outcome', 'failed')
            from interaction
            where tenant_id = ? and brand_id = ? and first_response_at is null and window_class <> 'uncovered'
                  and first_response_due_at < now()""";
}
