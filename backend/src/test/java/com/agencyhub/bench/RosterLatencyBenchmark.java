package com.agencyhub.bench;

import com.agencyhub.roster.BrandCoverage;
import com.agencyhub.roster.BrandRoster;
import com.agencyhub.roster.RosterInputs;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Server-side latency of the roster's answers (issue 12) for an agency at the size and at multiples of it
 * ({@code -Dbench.sizes=1,2,10}): per 1× 20 active brands, 50 staff members, 500 approved absences (4 hours to 10
 * days) and 200 overrides (2 to 49 hours, one brand each) in 2027; each brand has three layers of 3–5 members (weekly
 * office layer Monday to Friday 09:00–18:00, daily evening layer Monday to Friday 18:00–22:00, weekly weekend layer
 * Saturday and Sunday 10:00–18:00, as in {@link RosterResolverThroughput}), one deputy, and an approved strategy
 * requiring 08:00–22:00 every day. Data is generated with SQL as the application role (RLS on, seeded random numbers,
 * so every run has the same roster); requests go through the in-process WebTestClient as the agency admin. Each row is
 * timed through the tests' client, which checks every response against the OpenAPI contract, and through the same
 * client without that check (the server's share). The agency's first 26 weeks are also timed in-process in their two
 * parts, {@link RosterInputs} reading the roster (its statements and the required windows) and resolving with the
 * coverage check (the pure resolver), so that what HTTP adds is what is left. A discarded warm-up round runs first;
 * then per row {@value #SAMPLES} timed requests, fewer (not under {@value #FEWEST_SAMPLES}) where they would take
 * longer than {@value #ROW_BUDGET_SECONDS} s, after a tenth as many untimed. Prints a table; asserts nothing. Run:
 * {@code ./mvnw -q -pl backend -am test -Dtest=RosterLatencyBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RosterLatencyBenchmark extends ApiTest {

    private static final int SAMPLES = 100;
    private static final int FEWEST_SAMPLES = 20;
    private static final int ROW_BUDGET_SECONDS = 15;
    private static final int BODY_LIMIT = 16 * 1024 * 1024;
    private static final String AGENCY_COVERAGE = "/v1/roster/coverage?weeks=26&from=";
    private static final String FIRST_HALF = "2027-01-04T00:00:00Z";

    @Autowired
    private RosterInputs inputs;

    /** A timed row: its requests are sent one after the other and timed together. */
    private record Request(String name, String range, List<String> uris) {
    }

    @Test
    void rosterLatency() throws Exception {
        // an agency's coverage at ten times the size is about a megabyte
        WebTestClient checked = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(BODY_LIMIT))
                .build();
        WebTestClient unchecked = checked.mutate().filters(List::clear).build();
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean warmedUp = false;
        for (String size : System.getProperty("bench.sizes", "1,2,10").split(",")) {
            int scale = Integer.parseInt(size.strip());
            TestAgency agency = newAgency("roster" + scale);
            long started = System.nanoTime();
            List<Request> requests = requests(seed(agency, scale));
            notes.add(print(String.format("%d×: %s; generated in %.1f s", scale, counts(agency),
                    (System.nanoTime() - started) / 1e9)));
            if (!warmedUp) {
                for (Request request : requests) {
                    send(checked, agency.adminToken(), request);
                    send(unchecked, agency.adminToken(), request);
                }
                warmedUp = true;
            }
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (Request request : requests) {
                long once = System.nanoTime();
                int bytes = send(unchecked, agency.adminToken(), request);
                int samples = samples(System.nanoTime() - once);
                double[] withCheck = time(checked, agency, request, samples);
                double[] server = time(unchecked, agency, request, samples);
                rows.add(print(String.format("| %-34s | %3d× | %-8s | %4d | %3d | %s | %s |", request.name(),
                        scale, request.range(), bytes / 1024, samples, figures(withCheck), figures(server))));
            }
            Instant from = Instant.parse(FIRST_HALF);
            Instant to = from.plus(Duration.ofDays(26 * 7));
            List<BrandRoster> rosters = inputs.forActiveBrands(agency.tenant(), from, to).block();
            rows.add(inProcess("RosterInputs.forActiveBrands alone", scale,
                    () -> inputs.forActiveBrands(agency.tenant(), from, to).block()));
            rows.add(inProcess("resolve + coverage alone", scale, () -> rosters.forEach(BrandCoverage::of)));
            notes.add(String.format("%d×: load average %.1f before timing, %.1f after", scale, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        System.out.println("\nroster answers for 2027, as the agency admin, p50 / p95 / p99 (ms)\n"
                + String.join("\n", notes) + "\n" + TABLE_HEAD + String.join("\n", rows));
    }

    private static final String TABLE_HEAD = """
            | request                            | size | range    |  KiB |   n | contract-checked         \
            | server (no check)        |
            |------------------------------------|-----:|----------|-----:|----:|--------------------------\
            |--------------------------|
            """;

    /** What the benchmark asks of an agency whose first brand is {@code brand}. */
    private static List<Request> requests(UUID brand) {
        String brandPath = "/v1/brands/" + brand + "/roster";
        return List.of(
                new Request("/v1/roster/coverage", "26 weeks", List.of(AGENCY_COVERAGE + FIRST_HALF)),
                new Request("/v1/roster/coverage (2 requests)", "52 weeks", List.of(
                        AGENCY_COVERAGE + FIRST_HALF, AGENCY_COVERAGE + "2027-07-05T00:00:00Z")),
                new Request("/v1/brands/{id}/roster/coverage", "26 weeks",
                        List.of(brandPath + "/coverage?weeks=26&from=" + FIRST_HALF)),
                new Request("/v1/brands/{id}/roster/timeline", "93 days",
                        List.of(brandPath + "/timeline?from=2027-03-01T00:00:00Z&to=2027-06-02T00:00:00Z")),
                new Request("/v1/brands/{id}/roster/on-duty", "±14 days",
                        List.of(brandPath + "/on-duty?at=2027-03-10T10:00:00Z")),
                new Request("/v1/roster/load", "4 weeks", List.of("/v1/roster/load?week=2027-W10&weeks=4")));
    }

    /** Sends the row's requests once; the bytes of the bodies. */
    private static int send(WebTestClient client, String token, Request request) {
        int bytes = 0;
        for (String uri : request.uris()) {
            bytes += client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody().length;
        }
        return bytes;
    }

    /** A tenth as many warm-up requests first; a token of its own, as tokens expire after five minutes. */
    private static double[] time(WebTestClient client, TestAgency agency, Request request, int samples) {
        String token = agency.adminToken();
        return Latency.percentiles(Math.max(3, samples / 10), samples, () -> send(client, token, request));
    }

    /** A part of the agency's coverage in the first 26 weeks, without HTTP, timed like a request. */
    private static String inProcess(String name, int scale, Runnable work) {
        long once = System.nanoTime();
        work.run();
        int samples = samples(System.nanoTime() - once);
        double[] times = Latency.percentiles(Math.max(3, samples / 10), samples, work);
        return print(String.format("| %-34s | %3d× | %-8s | %4s | %3d | %24s | %s |", name, scale, "26 weeks", "",
                samples, "", figures(times)));
    }

    /** Prints the line as it comes, so that a run cut short still shows what it measured. */
    private static String print(String line) {
        System.out.println(line);
        return line;
    }

    /** How many timed requests a row gets, from the time of one. */
    private static int samples(long nanosOfOne) {
        long withinBudget = ROW_BUDGET_SECONDS * 1_000_000_000L / Math.max(nanosOfOne, 1);
        return (int) Math.max(FEWEST_SAMPLES, Math.min(SAMPLES, withinBudget));
    }

    private static String figures(double[] percentiles) {
        return String.format("%6.1f / %6.1f / %6.1f", percentiles[0], percentiles[1], percentiles[2]);
    }

    /**
     * Active brands with Instagram, staff members, an approved strategy per brand requiring 08:00–22:00 every day
     * (made through the API for the first brand, copied to the others) and the roster; the first brand's id.
     */
    private UUID seed(TestAgency agency, int scale) throws Exception {
        UUID first;
        UUID deputy;
        try (BenchData data = BenchData.in(agency)) {
            data.brands(20 * scale, "instagram");
            data.activateBrands();
            data.staffMembers(50 * scale);
            data.commit();
            first = data.brandIds().get(0);
            deputy = data.staffMemberIds().get(0);
        }
        List<Map<String, Object>> everyDay = Stream.of(DayOfWeek.values())
                .map(day -> StrategyApiTest.window(day.name(), "08:00", "22:00")).toList();
        draftAndFinish(agency, first, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy, everyDay),
                "/draft/approval");
        UUID tenant = agency.tenant().value();
        UUID admin = agency.admin().value();
        try (BenchData data = BenchData.in(agency)) {
            data.copyApprovedStrategy(first);
            data.query("select setseed(0.12)");
            data.update(ROTATIONS, tenant, restriction(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "18:00"),
                    restriction(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "18:00", "22:00"),
                    restriction(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, "10:00", "18:00"), tenant, tenant, tenant,
                    tenant);
            data.update(DEPUTIES, tenant, tenant);
            data.update(ABSENCES, tenant, 500 * scale, tenant, admin);
            data.update(OVERRIDES, tenant, tenant, 200 * scale, tenant, admin, tenant);
            data.commit();
        }
        for (String table : List.of("roster_rotation", "roster_rotation_member", "roster_rotation_brand",
                "roster_override", "roster_override_brand", "roster_absence", "brand_assignment", "strategy_version")) {
            BenchData.analyze(table);
        }
        return first;
    }

    /** What the agency holds, in words. */
    private static String counts(TestAgency agency) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            return data.<String>query("""
                    select format('%s active brands, %s staff, %s rotations (%s places), %s deputies, '
                                  || '%s approved absences, %s overrides, %s approved strategies',
                           (select count(*) from brand where status = 'active'),
                           (select count(*) from member where kind = 'staff'),
                           (select count(*) from roster_rotation), (select count(*) from roster_rotation_member),
                           (select count(*) from brand_assignment), (select count(*) from roster_absence),
                           (select count(*) from roster_override),
                           (select count(*) from strategy_version where status = 'approved'))""").get(0);
        }
    }

    /** The weekly windows from {@code first} to {@code last} as a rotation's restriction is stored. */
    private static String restriction(DayOfWeek first, DayOfWeek last, String start, String end) {
        return Stream.of(DayOfWeek.values()).filter(day -> day.compareTo(first) >= 0 && day.compareTo(last) <= 0)
                .map(day -> String.format("{\"day\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}", day, start, end))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static final String STAFF = """
            staff as (
                select array_agg(user_id order by email) as ids from member
                where tenant_id = ? and email like 'member%@bench.test'
            )""";

    /**
     * Three layers per brand, handing off at 09:00 in Europe/Berlin, first turns up to 30 days before 2027, each with
     * 3–5 members drawn from the staff.
     */
    private static final String ROTATIONS = "with " + STAFF + """
            , layers as materialized (
                select gen_random_uuid() as id, b.id as brand, b.name || ' ' || l.name as name, l.priority,
                       l.length_days, l.restriction, date '2027-01-01' - floor(random() * 30)::int as start_date,
                       3 + floor(random() * 3)::int as size
                from brand b
                cross join (values ('office', 1, 7, ?::jsonb), ('evening', 2, 1, ?::jsonb), ('weekend', 3, 7, ?::jsonb))
                    l(name, priority, length_days, restriction)
                where b.tenant_id = ?
            ), rotations as (
                insert into roster_rotation (tenant_id, id, name, priority, length_days, handoff_time, start_date, zone,
                                             restriction)
                select ?, id, name, priority, length_days, time '09:00', start_date, 'Europe/Berlin', restriction
                from layers
            ), covered as (
                insert into roster_rotation_brand (tenant_id, rotation_id, brand_id) select ?, id, brand from layers
            )
            insert into roster_rotation_member (tenant_id, rotation_id, position, member_id)
            select ?, l.id, m.position - 1, m.member
            from layers l
            cross join staff
            cross join lateral unnest((select array_agg(chosen) from (select chosen from unnest(staff.ids) chosen
                                                                      order by random() limit l.size) drawn))
                with ordinality m(member, position)""";

    /** One deputy in each brand's team. */
    private static final String DEPUTIES = "with " + STAFF + """
            insert into brand_assignment (tenant_id, brand_id, user_id, responsibility)
            select b.tenant_id, b.id, staff.ids[1 + floor(random() * cardinality(staff.ids))::int], 'deputy'
            from brand b cross join staff
            where b.tenant_id = ?""";

    /** Approved absences of any kind, starting anywhere in the first 360 days of 2027, 4 to 243 hours long. */
    private static final String ABSENCES = "with " + STAFF + """
            , drawn as materialized (
                select staff.ids[1 + floor(random() * cardinality(staff.ids))::int] as member,
                       (array['sick', 'vacation', 'training', 'other'])[1 + floor(random() * 4)::int] as kind,
                       timestamptz '2027-01-01 00:00 Europe/Berlin' + random() * interval '360 days' as starts_at,
                       make_interval(hours => 4 + floor(random() * 240)::int) as length
                from staff cross join generate_series(1, ?)
            )
            insert into roster_absence (tenant_id, id, member_id, kind, starts_at, ends_at, status, entered_by)
            select ?, gen_random_uuid(), member, kind, starts_at, starts_at + length, 'approved', ? from drawn""";

    /** Overrides for one brand each, starting anywhere in the first 360 days of 2027, 2 to 49 hours long. */
    private static final String OVERRIDES = "with " + STAFF + """
            , brands as (
                select array_agg(id order by name) as ids from brand where tenant_id = ?
            ), drawn as materialized (
                select gen_random_uuid() as id, staff.ids[1 + floor(random() * cardinality(staff.ids))::int] as member,
                       brands.ids[1 + floor(random() * cardinality(brands.ids))::int] as brand,
                       timestamptz '2027-01-01 00:00 Europe/Berlin' + random() * interval '360 days' as starts_at,
                       make_interval(hours => 2 + floor(random() * 48)::int) as length
                from staff cross join brands cross join generate_series(1, ?)
            ), overrides as (
                insert into roster_override (tenant_id, id, member_id, starts_at, ends_at, created_by)
                select ?, id, member, starts_at, starts_at + length, ? from drawn
            )
            insert into roster_override_brand (tenant_id, override_id, brand_id) select ?, id, brand from drawn""";
}
