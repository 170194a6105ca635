package com.agencyhub.bench;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Server time of the hours reports (issue 14) against the bare SQL of their sums. One agency with 200 brands (each
 * with an active contract from January 2026 whose unused hours carry over, so November's report walks a chain of
 * eleven months), 150 staff members and the six default activities gets 200,000 date + duration time entries spread
 * over 2026 (generated with SQL in the agency's tenant, RLS on, then VACUUM ANALYZE); then 1,800,000 more, to 2,000,000
 * ({@code -Dbench.sizes=200000,2000000}, the default). At
 * each size the brand's November report ({@code GET /v1/brands/{id}/hours-report?month=2026-11}) and the agency's
 * November ({@code GET /v1/hours-reports/agency?month=2026-11}) are timed through the in-process client without the
 * contract check, as the agency's admin, and the statements that add up their time are timed over JDBC as the
 * application role in the same tenant. Prints a table and the plans of the statements; asserts nothing. Run:
 * {@code ./mvnw -o -q -pl web-api-spec,backend -am verify -Dtest=HoursReportBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class HoursReportBenchmark extends ApiTest {

    private static final int BRANDS = 200;
    private static final int MEMBERS = 150;
    private static final int TENTH = 200_000;
    private static final int ALL = 2_000_000;
    /** Rows a transaction generates. */
    private static final int CHUNK = 250_000;

    /** The sums of a brand's month per activity, as TrackedTimeRepository#byActivity sends them. */
    private static final String BRAND_MONTH = """
            select activity_id,
                   cast(coalesce(sum(minutes) filter (where billable = true), 0) as bigint),
                   cast(coalesce(sum(minutes) filter (where billable = false), 0) as bigint),
                   coalesce(sum(bill_amount), 0), coalesce(sum(cost_amount), 0)
            from time_entry
            where tenant_id = ? and work_date >= date '2026-11-01' and work_date < date '2026-12-01' and brand_id = ?
            group by activity_id""";
    /** The billable minutes per month of the carry-over chains, as TrackedTimeRepository#billableByMonth. */
    private static final String CHAINS = """
            select brand_id, date_trunc('month', work_date)::date,
                   cast(coalesce(sum(minutes) filter (where billable = true), 0) as bigint)
            from time_entry
            where tenant_id = ? and brand_id = any(?) and work_date >= date '2026-01-01'
              and work_date < date '2026-11-01'
            group by brand_id, date_trunc('month', work_date)::date""";
    /** The agency's month per brand, as TrackedTimeRepository#byBrand. */
    private static final String AGENCY_MONTH = """
            select brand_id,
                   cast(coalesce(sum(minutes) filter (where billable = true), 0) as bigint),
                   cast(coalesce(sum(minutes) filter (where billable = false), 0) as bigint),
                   coalesce(sum(bill_amount), 0), coalesce(sum(cost_amount), 0)
            from time_entry
            where tenant_id = ? and work_date >= date '2026-11-01' and work_date < date '2026-12-01'
            group by brand_id""";

    @Test
    void reportLatency() throws Exception {
        WebTestClient server = http.mutate().filters(List::clear).responseTimeout(Duration.ofMinutes(5)).build();
        TestAgency agency = newAgency("hours-bench");
        List<UUID> brands;
        List<UUID> members;
        List<UUID> activities;
        try (BenchData data = BenchData.in(agency)) {
            data.brands(BRANDS, "instagram");
            data.staffMembers(MEMBERS);
            brands = data.brandIds();
            members = data.staffMemberIds();
            activities = data.query("select id from activity where tenant_id = ? order by position",
                    agency.tenant().value());
            contracts(data, agency, activities);
            data.commit();
        }
        List<String> rows = new ArrayList<>();
        int generated = 0;
        for (String step : System.getProperty("bench.sizes", TENTH + "," + ALL).split(",")) {
            int size = Integer.parseInt(step.strip());
            long started = System.nanoTime();
            generate(agency, brands, members, activities, generated + 1, size);
            generated = size;
            BenchData.vacuumAnalyze("time_entry");
            System.out.printf("%,d time entries, generated and analysed in %.0f s%n", size,
                    (System.nanoTime() - started) / 1e9);
            UUID brand = brands.get(0);
            double load = load();
            double[] brandApi = Latency.percentiles(3, 20, () -> get(server, agency,
                    "/v1/brands/" + brand + "/hours-report?month=2026-11"));
            double[] brandBare = bare(agency, 3, 20, data -> {
                data.readAll(BRAND_MONTH, agency.tenant().value(), brand);
                data.readAll(CHAINS, agency.tenant().value(), data.uuids(List.of(brand)));
            });
            rows.add(print(row("brand-month, 1 brand", size, brandApi, brandBare, load)));
            double[] agencyApi = Latency.percentiles(2, 10, () -> get(server, agency,
                    "/v1/hours-reports/agency?month=2026-11"));
            double[] agencyBare = bare(agency, 2, 10, data -> {
                data.readAll(AGENCY_MONTH, agency.tenant().value());
                data.readAll(CHAINS, agency.tenant().value(), data.uuids(brands));
            });
            rows.add(print(row("agency-month, 200 brands", size, agencyApi, agencyBare, load)));
        }
        try (BenchData data = BenchData.in(agency)) {
            System.out.println("EXPLAIN of the brand's month:\n" + data.explain(BRAND_MONTH, agency.tenant().value(),
                    brands.get(0)));
            System.out.println("EXPLAIN of the agency's month:\n" + data.explain(AGENCY_MONTH,
                    agency.tenant().value()));
            System.out.println("EXPLAIN of the agency's chains:\n" + data.explain(CHAINS, agency.tenant().value(),
                    data.uuids(brands)));
        }
        System.out.println("\nhours reports, p50 / p95 (ms) of the server through the API and of the bare SQL"
                + "\n" + HEAD + String.join("\n", rows));
    }

    private static final String HEAD = """
            | report                    |   entries | API p50 / p95     | bare SQL p50 / p95 | API / SQL | load |
            |---------------------------|----------:|-------------------|--------------------|----------:|-----:|
            """;

    private static String row(String name, int entries, double[] api, double[] bare, double load) {
        return String.format("| %-25s | %,9d | %7.1f / %7.1f | %7.1f / %8.1f | %8.2f× | %4.1f |", name, entries,
                api[0], api[1], bare[0], bare[1], api[0] / bare[0], load);
    }

    /** Every brand an active contract from January 2026: 24 and 16 planned hours, unused hours carried up to 8. */
    private static void contracts(BenchData data, TestAgency agency, List<UUID> activities) throws Exception {
        data.update("""
                insert into contract (tenant_id, id, brand_id, status, starts_on, currency, monthly_price,
                    overage_rate, carry_over, carry_over_cap_hours, created_by, activated_by, activated_at)
                select tenant_id, gen_random_uuid(), id, 'active', date '2026-01-01', 'EUR', 3400, 85, 'capped', 8,
                       ?, ?, now()
                from brand where tenant_id = ?""", agency.admin().value(), agency.admin().value(),
                agency.tenant().value());
        for (int i = 0; i < 2; i++) {
            data.update("""
                    insert into contract_line (tenant_id, contract_id, activity_id, time_class, planned_hours,
                        bill_rate, surcharge_percent, amount)
                    select tenant_id, id, ?, 'weekday-daytime', ?, 85, 0, ? * 85
                    from contract where tenant_id = ?""", activities.get(i), i == 0 ? 24 : 16, i == 0 ? 24 : 16,
                    agency.tenant().value());
        }
    }

    /**
     * Entries {@code first} to {@code last}: brand, member and activity in turn, work dates spread over 2026, 15 to
     * 134 minutes, one in ten not billable, amounts at 85.00 and 40.00 per hour.
     */
    private static void generate(TestAgency agency, List<UUID> brands, List<UUID> members, List<UUID> activities,
                                 int first, int last) throws Exception {
        for (int from = first; from <= last; from += CHUNK) {
            try (BenchData data = BenchData.in(agency)) {
                data.update("set local statement_timeout = 0");
                data.update("""
                        insert into time_entry (tenant_id, id, member_id, brand_id, activity_id, work_date, minutes,
                            billable, source, bill_rate, cost_rate, surcharge_amount, bill_amount, cost_amount,
                            created_by)
                        select ?, gen_random_uuid(), (?::uuid[])[1 + (n / 7) % ?], (?::uuid[])[1 + n % ?],
                               (?::uuid[])[1 + (n / 3) % ?], date '2026-01-01' + (n % 365), 15 + n % 120,
                               n % 10 <> 0, 'manual', 85, 40, 0,
                               case when n % 10 <> 0 then round((15 + n % 120) * 85 / 60.0, 2) else 0 end,
                               round((15 + n % 120) * 40 / 60.0, 2), ?
                        from generate_series(?, ?) n""",
                        agency.tenant().value(), data.uuids(members), members.size(), data.uuids(brands),
                        brands.size(), data.uuids(activities), activities.size(), agency.admin().value(), from,
                        Math.min(from + CHUNK - 1, last));
                data.commit();
            }
        }
    }

    private interface Statements {
        void run(BenchData data) throws Exception;
    }

    /** The statements timed together on one open connection in the agency's tenant, reading every row. */
    private static double[] bare(TestAgency agency, int warmUp, int samples, Statements statements) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            return Latency.percentiles(warmUp, samples, () -> {
                try {
                    statements.run(data);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void get(WebTestClient client, TestAgency agency, String uri) {
        client.get().uri(uri).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().returnResult();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String print(String line) {
        System.out.println(line);
        return line;
    }
}
