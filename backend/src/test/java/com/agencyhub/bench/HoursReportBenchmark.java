package com.agencyhub.bench;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Server time of the hours reports (issue 14) against the bare SQL of their sums. Per size an agency of its own with
 * 200 brands (each with an active contract from January 2026 whose unused hours carry over), 150 staff members and the
 * six default activities gets date + duration time entries spread over 2026 (generated with SQL in the agency's
 * tenant, RLS on, then VACUUM ANALYZE): 200,000 and 2,000,000 ({@code -Dbench.sizes=200000,2000000}, the default).
 * Then the admin closes January to October through the API, as an agency would, which keeps every brand's carry-over
 * balance of those months. The brand's November report ({@code GET /v1/brands/{id}/hours-report?month=2026-11}) and
 * the agency's November ({@code GET /v1/hours-reports/agency?month=2026-11}) are timed through the in-process client
 * without the contract check, as the agency's admin, and the statements that read their figures are timed over JDBC as
 * the application role in the same tenant; reading the brand alone ({@code GET /v1/brands/{id}}) shows what any
 * request costs through this client. Once, the statements the R2DBC driver sends for one request of each report are
 * logged, to count the round trips. Prints a
 * table and the plans of the statements; asserts nothing. Run:
 * {@code ./mvnw -o -q -pl web-api-spec,backend -am verify -Dtest=HoursReportBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class HoursReportBenchmark extends ApiTest {

    private static final int BRANDS = 200;
    private static final int MEMBERS = 150;
    private static final int TENTH = 200_000;
    private static final int ALL = 2_000_000;
    /** The driver's logger of the statements it sends. */
    private static final String STATEMENT_LOGGER = "io.r2dbc.postgresql.QUERY";
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
    /** The latest kept balance per brand before November, as HoursBalanceRepository#latestBefore. */
    private static final String KEPT = """
            select distinct on (brand_id) brand_id, month, contract_id, billable_minutes, carried_out_minutes
            from hours_balance
            where tenant_id = ? and contract_id = any(?) and month < date '2026-11-01'
            order by brand_id, month desc""";
    /**
     * The billable minutes per month of the chains walked from the contracts' first month (all in January here), as
     * TrackedTimeRepository#billableByMonth reads them for brands without kept balances that start together (before
     * closes were kept, on every request).
     */
    private static final String WALKED_CHAINS = """
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
        List<String> rows = new ArrayList<>();
        for (String step : System.getProperty("bench.sizes", TENTH + "," + ALL).split(",")) {
            int size = Integer.parseInt(step.strip());
            TestAgency agency = newAgency("hours-bench-" + size);
            List<UUID> brands;
            List<UUID> contracts;
            try (BenchData data = BenchData.in(agency)) {
                data.brands(BRANDS, "instagram");
                data.staffMembers(MEMBERS);
                brands = data.brandIds();
                List<UUID> members = data.staffMemberIds();
                List<UUID> activities = data.query("select id from activity where tenant_id = ? order by position",
                        agency.tenant().value());
                contracts(data, agency, activities);
                contracts = data.query("select id from contract where tenant_id = ?", agency.tenant().value());
                data.commit();
                long started = System.nanoTime();
                generate(agency, brands, members, activities, size);
                BenchData.vacuumAnalyze("time_entry");
                System.out.printf("%,d time entries, generated and analysed in %.0f s%n", size,
                        (System.nanoTime() - started) / 1e9);
            }
            closeJanuaryToOctober(server, agency);
            UUID brand = brands.get(0);
            String brandReport = "/v1/brands/" + brand + "/hours-report?month=2026-11";
            String agencyReport = "/v1/hours-reports/agency?month=2026-11";
            logStatements(() -> get(server, agency, brandReport), "brand-month, " + size);
            logStatements(() -> get(server, agency, agencyReport), "agency-month, " + size);
            double load = load();
            double[] brandApi = Latency.percentiles(100, 50, () -> get(server, agency, brandReport));
            double[] brandBare = bare(agency, 20, 50, data -> {
                data.readAll(BRAND_MONTH, agency.tenant().value(), brand);
                data.readAll(KEPT, agency.tenant().value(), data.uuids(contracts));
            });
            rows.add(print(row("brand-month, 1 brand", size, brandApi, brandBare, load)));
            double[] brandRead = Latency.percentiles(100, 50, () -> get(server, agency, "/v1/brands/" + brand));
            rows.add(print(String.format("| %-25s | %,9d | %7.1f / %7.1f | %18s | %9s | %4.1f |",
                    "(GET /v1/brands/{id})", size, brandRead[0], brandRead[1], "", "", load())));
            double[] agencyApi = Latency.percentiles(20, 20, () -> get(server, agency, agencyReport));
            double[] agencyBare = bare(agency, 5, 20, data -> {
                data.readAll(AGENCY_MONTH, agency.tenant().value());
                data.readAll(KEPT, agency.tenant().value(), data.uuids(contracts));
            });
            rows.add(print(row("agency-month, 200 brands", size, agencyApi, agencyBare, load)));
            double[] walked = bare(agency, 1, 5, data -> data.readAll(WALKED_CHAINS,
                    agency.tenant().value(), data.uuids(brands)));
            rows.add(print(String.format("| %-25s | %,9d | %17s | %7.1f / %8.1f | %9s | %4.1f |",
                    "(chains from January)", size, "", walked[0], walked[1], "", load())));
            try (BenchData data = BenchData.in(agency)) {
                System.out.println("EXPLAIN of the brand's month:\n" + data.explain(BRAND_MONTH,
                        agency.tenant().value(), brand));
                System.out.println("EXPLAIN of the agency's month:\n" + data.explain(AGENCY_MONTH,
                        agency.tenant().value()));
                System.out.println("EXPLAIN of the kept balances:\n" + data.explain(KEPT, agency.tenant().value(),
                        data.uuids(contracts)));
                System.out.println("EXPLAIN of the chains walked from January:\n" + data.explain(WALKED_CHAINS,
                        agency.tenant().value(), data.uuids(brands)));
            }
        }
        System.out.println("\nhours reports, p50 / p95 (ms) of the server through the API and of the bare SQL"
                + "\n" + HEAD + String.join("\n", rows));
    }

    /** The admin closes January to October through the API, one month after the other. */
    private static void closeJanuaryToOctober(WebTestClient server, TestAgency agency) {
        long started = System.nanoTime();
        for (int month = 1; month <= 10; month++) {
            server.post().uri("/v1/closed-months").headers(h -> h.setBearerAuth(agency.adminToken()))
                    .bodyValue(Map.of("month", String.format("2026-%02d", month))).exchange().expectStatus()
                    .isCreated();
        }
        System.out.printf("January to October closed through the API in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Has the R2DBC driver log every statement it sends while one request runs (they appear in the test's output
     * between the marks), to count the round trips of a report.
     */
    private static void logStatements(Runnable request, String label) {
        LoggingSystem logging = LoggingSystem.get(HoursReportBenchmark.class.getClassLoader());
        System.out.println(">>> statements of one request: " + label);
        logging.setLogLevel(STATEMENT_LOGGER, LogLevel.DEBUG);
        try {
            request.run();
        } finally {
            logging.setLogLevel(STATEMENT_LOGGER, null);
            System.out.println("<<< end of the statements: " + label);
        }
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
     * Entries 1 to {@code last}: brand, member and activity in turn, work dates spread over 2026, 15 to
     * 134 minutes, one in ten not billable, amounts at 85.00 and 40.00 per hour.
     */
    private static void generate(TestAgency agency, List<UUID> brands, List<UUID> members, List<UUID> activities,
                                 int last) throws Exception {
        for (int from = 1; from <= last; from += CHUNK) {
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
