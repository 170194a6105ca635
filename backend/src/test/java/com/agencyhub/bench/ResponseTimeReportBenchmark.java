package com.agencyhub.bench;

import com.agencyhub.inbox.ResponseTimeBreakdown;
import com.agencyhub.inbox.ResponseTimePeriod;
import com.agencyhub.inbox.internal.ResponseTimeRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Server time of the response-time report (issue 13) against the bare SQL of the same statement on the same data.
 * One brand gets 1,000,000 interactions spread over 2026 (generated with SQL in the agency's tenant, RLS on, then
 * ANALYZE); its year report ({@code GET /v1/brands/{id}/response-times?from=2026-01-01&to=2027-01-01}, as the agency
 * admin, so with the breakdown by responder) is timed through the in-process client without the contract check, and
 * the statement the repository runs for it ({@link ResponseTimeRepository#statement}, values written in) is timed
 * over JDBC as the application role in the same tenant. Then other agencies get a million interactions each until the
 * table holds {@code -Dbench.millions} (default 10) million rows, and the brand's one-month report (March 2026) is timed
 * at each step: it reads the brand's rows through the tenant- and brand-leading index, so it must not slow down. Prints
 * a table; asserts nothing. Run:
 * {@code ./mvnw -q -pl backend -am test -Dtest=ResponseTimeReportBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ResponseTimeReportBenchmark extends ApiTest {

    private static final int MILLION = 1_000_000;
    /** Rows a transaction generates. */
    private static final int CHUNK = 250_000;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private ResponseTimeRepository repository;

    @Test
    void reportLatency() throws Exception {
        // a year of a million items takes longer than the tests' 30 s
        WebTestClient server = http.mutate().filters(List::clear).responseTimeout(Duration.ofMinutes(5)).build();
        TestAgency agency = newAgency("report-bench");
        UUID brand = newBrand(agency, "Bench brand");
        List<String> rows = new ArrayList<>();
        long started = System.nanoTime();
        generate(agency, brand, MILLION);
        BenchData.analyze("interaction");
        print(String.format("1,000,000 interactions generated and analysed in %.0f s", (System.nanoTime() - started)
                / 1e9));

        String year = "/v1/brands/" + brand + "/response-times?from=2026-01-01&to=2027-01-01";
        String bareYear = repository.statement(agency.tenant(), new BrandId(brand),
                new ResponseTimePeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"), BERLIN),
                Instant.now(), EnumSet.complementOf(EnumSet.of(ResponseTimeBreakdown.BRAND)));
        double load = load();
        double[] api = Latency.percentiles(1, 3, () -> get(server, agency, year));
        double[] bare = bare(agency, bareYear, 1, 3);
        rows.add(print(row("year report, 1 brand, 1M items", "1M", api, bare, load)));

        String month = "/v1/brands/" + brand + "/response-times?from=2026-03-01&to=2026-04-01";
        String bareMonth = repository.statement(agency.tenant(), new BrandId(brand),
                new ResponseTimePeriod(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), BERLIN),
                Instant.now(), EnumSet.complementOf(EnumSet.of(ResponseTimeBreakdown.BRAND)));
        int millions = 1;
        for (String step : System.getProperty("bench.millions", "1,2,5,10").split(",")) {
            int target = Integer.parseInt(step.strip());
            while (millions < target) {
                TestAgency other = newAgency("report-bench-other");
                long began = System.nanoTime();
                generate(other, newBrand(other, "Other brand"), MILLION);
                millions++;
                print(String.format("table at %d million rows (+1M in %.0f s)", millions,
                        (System.nanoTime() - began) / 1e9));
            }
            BenchData.analyze("interaction");
            load = load();
            double[] monthApi = Latency.percentiles(3, 20, () -> get(server, agency, month));
            double[] monthBare = bare(agency, bareMonth, 3, 20);
            rows.add(print(row("month report, 1 brand, ~85k items", millions + "M", monthApi, monthBare, load)));
        }
        System.out.println("\nresponse-time reports, p50 / p95 (ms) of the server through the API and of the bare SQL"
                + "\n" + HEAD + String.join("\n", rows));
    }

    private static final String HEAD = """
            | report                             | table | API p50 / p95     | bare SQL p50 / p95 | API / SQL | load |
            |------------------------------------|------:|-------------------|--------------------|----------:|-----:|
            """;

    private static String row(String name, String table, double[] api, double[] bare, double load) {
        return String.format("| %-34s | %5s | %7.0f / %7.0f | %7.0f / %8.0f | %8.2f× | %4.1f |", name, table, api[0],
                api[1], bare[0], bare[1], api[0] / bare[0], load);
    }

    private static void get(WebTestClient client, TestAgency agency, String uri) {
        client.get().uri(uri).headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().returnResult();
    }

    /** The statement timed on one open connection in the agency's tenant, reading every column of every row. */
    private static double[] bare(TestAgency agency, String statement, int warmUp, int samples) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            data.query(ResponseTimeRepository.REPORT_SETTINGS); // as the report's transaction does
            return Latency.percentiles(warmUp, samples, () -> {
                try {
                    data.readAll(statement);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * {@code count} interactions of the brand spread evenly over 2026: four channels, five kinds, mostly normal priority,
     * three in five inside the coverage windows; one in twenty still open, the rest answered after 1 to 121 minutes
     * (on the business clock, seven tenths of that), two in three of those resolved.
     */
    private static void generate(TestAgency agency, UUID brand, int count) throws Exception {
        for (int first = 1; first <= count; first += CHUNK) {
            try (BenchData data = BenchData.in(agency)) {
                data.update("set local statement_timeout = 0");
                data.update("""
                        insert into interaction (tenant_id, id, brand_id, channel, external_id, kind, received_at,
                            priority, priority_source, window_class, guidelines_version, strategy_version, sla_clock,
                            first_response_target_minutes, resolution_target_minutes, first_response_due_at,
                            resolution_due_at, status, first_response_at, first_response_seconds,
                            first_response_business_seconds, resolved_at, resolution_seconds,
                            resolution_business_seconds)
                        select ?, gen_random_uuid(), ?, (array['instagram', 'facebook', 'linkedin', 'tiktok'])[1 + n % 4],
                               'bench-' || n, (array['comment', 'direct-message', 'mention', 'review', 'other'])[1 + n % 5],
                               r.at, (array['critical', 'high', 'normal', 'normal', 'low'])[1 + (n / 7) % 5], 'given',
                               (array['inside', 'inside', 'inside', 'covered', 'uncovered'])[1 + (n / 3) % 5], 1, 1,
                               'business', 60, 1440, r.at + interval '60 minutes', r.at + interval '1 day',
                               case when n % 20 = 0 then 'open' when n % 3 = 0 then 'responded' else 'resolved' end,
                               case when n % 20 <> 0 then r.at + make_interval(secs => f.s) end,
                               case when n % 20 <> 0 then f.s end,
                               case when n % 20 <> 0 then (f.s * 0.7)::integer end,
                               case when n % 20 <> 0 and n % 3 <> 0 then r.at + make_interval(secs => f.s * 20) end,
                               case when n % 20 <> 0 and n % 3 <> 0 then f.s * 20 end,
                               case when n % 20 <> 0 and n % 3 <> 0 then f.s * 14 end
                        from generate_series(?, ?) n
                        cross join lateral (select timestamptz '2026-01-01 00:00:00+01'
                            + (n - 1) * (interval '365 days' / ?::float8) as at) r
                        cross join lateral (select 60 + abs(hashint4(n)) % 7200 as s) f""",
                        agency.tenant().value(), brand, first, Math.min(first + CHUNK - 1, count), count);
                data.commit();
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String print(String line) {
        System.out.println(line);
        return line;
    }
}
