package com.agencyhub.bench;

import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Server-side latency of the content calendar (issue 11) for an agency of 200 brands and one of 20, each brand with
 * 60 posts a month from 2026-01 to 2027-12 (288,000 and 28,800 posts): the month view across all brands (first page
 * of 200 and page 6), one brand's month (60 posts) and, once they exist on this branch, plan adherence of one brand
 * (4 weeks) and of the agency (1 week). Data is generated with SQL as the application role (RLS on); requests go
 * through the in-process WebTestClient as the agency admin, so no network is timed. Each row is timed twice: through
 * the tests' client, which checks every response against the OpenAPI contract (as ListLatencyBenchmark does), and
 * through the same client without that check (the server's share). A discarded warm-up round runs first; then per
 * row {@value #WARM_UP} warm-up and {@value #SAMPLES} timed requests. Also prints PostgreSQL's plan of the month
 * view's first page and times its SQL alone (JDBC). Prints tables; asserts nothing ({@code -Dbench.sizes=200} runs
 * one size). Run:
 * {@code ./mvnw -q -pl backend -am test -Dtest=CalendarLatencyBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CalendarLatencyBenchmark extends ApiTest {

    private static final int WARM_UP = 30;
    private static final int SAMPLES = 200;
    private static final String MONTH = "from=2027-03-01&to=2027-04-01";
    private static final OffsetDateTime MONTH_START = OffsetDateTime.parse("2027-03-01T00:00:00+01:00");
    private static final OffsetDateTime MONTH_END = OffsetDateTime.parse("2027-04-01T00:00:00+02:00");

    /**
     * A timed request; an {@code optional} one is skipped when the endpoint is not there (404 or 405): plan
     * adherence is built on another branch.
     */
    private record Request(String name, String page, String uri, boolean optional) {
    }

    @Test
    void calendarLatency() throws Exception {
        WebTestClient unchecked = http.mutate().filters(List::clear).build();
        List<String> rows = new ArrayList<>();
        List<String> plans = new ArrayList<>();
        boolean warmedUp = false;
        for (String size : System.getProperty("bench.sizes", "20,200").split(",")) {
            int brands = Integer.parseInt(size.strip());
            TestAgency agency = newAgency("calendar" + brands);
            long started = System.nanoTime();
            UUID brand = seed(agency, brands);
            System.out.printf("%d brands: %d posts generated in %.1f s%n", brands, brands * 60 * 24,
                    (System.nanoTime() - started) / 1e9);
            String token = agency.adminToken();
            String month = "/v1/posts?" + MONTH + "&zone=Europe/Berlin&limit=200";
            List<Request> requests = List.of(
                    new Request("/v1/posts", "first", month, false),
                    new Request("/v1/posts", "6", month + "&cursor=" + cursorAfter(token, month, 5), false),
                    new Request("/v1/brands/{id}/posts", "first (60)",
                            "/v1/brands/" + brand + "/posts?" + MONTH + "&limit=200", false),
                    new Request("/v1/brands/{id}/plan-adherence", "4 weeks",
                            "/v1/brands/" + brand + "/plan-adherence?week=2027-W10&weeks=4", true),
                    new Request("/v1/plan-adherence", "1 week", "/v1/plan-adherence?week=2027-W10&weeks=1", true));
            List<Request> available = requests.stream()
                    .filter(request -> !request.optional() || answers(token, request.uri())).toList();
            if (!warmedUp) {
                for (Request request : available) {
                    time(http, token, request.uri());
                    time(unchecked, token, request.uri());
                }
                warmedUp = true;
            }
            for (Request request : requests) {
                if (!available.contains(request)) {
                    rows.add(String.format("| %-30s | %6d | %-10s |      | not on this branch (404/405): skipped |",
                            request.name(), brands, request.page()));
                    continue;
                }
                int bytes = http.get().uri(request.uri()).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isOk().expectBody().returnResult().getResponseBody().length;
                double[] checked = time(http, token, request.uri());
                double[] server = time(unchecked, token, request.uri());
                rows.add(String.format("| %-30s | %6d | %-10s | %4d | %5.1f | %5.1f | %5.1f | %5.1f |",
                        request.name(), brands, request.page(), bytes / 1024, checked[0], checked[1], server[0],
                        server[1]));
            }
            double[] sql = timeSql(agency);
            rows.add(String.format("| %-30s | %6d | %-10s |      |       |       | %5.1f | %5.1f |",
                    "SQL alone (JDBC)", brands, "first", sql[0], sql[1]));
            plans.add(brands + " brands, the month view's first page in SQL:\n" + plan(agency));
        }
        System.out.println("\nposts planned in 2027-03 (Europe/Berlin), as the agency admin, ?limit=200, " + SAMPLES
                + " requests each (ms)\n"
                + "| request                        | brands | page       | body | contract-checked | | without check | |\n"
                + "|                                |        |            |  KiB |   p50 |   p95 |   p50 |   p95 |\n"
                + "|--------------------------------|-------:|------------|-----:|------:|------:|------:|------:|\n"
                + String.join("\n", rows) + "\n\n" + String.join("\n", plans));
    }

    private double[] time(WebTestClient client, String token, String uri) {
        return Latency.percentiles(WARM_UP, SAMPLES, () -> client.get().uri(uri)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().returnResult());
    }

    /** Whether the endpoint is there: 200, or 404/405 when it is not (anything else fails the benchmark). */
    private boolean answers(String token, String uri) {
        HttpStatusCode status = http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(String.class).getStatus();
        if (status.value() == 404 || status.value() == 405) {
            return false;
        }
        if (!status.is2xxSuccessful()) {
            throw new AssertionError(uri + " answered " + status);
        }
        return true;
    }

    /** The cursor of the page after {@code pages} pages of the list. */
    private String cursorAfter(String token, String uri, int pages) {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            JsonNode page = http.get().uri(uri + (cursor == null ? "" : "&cursor=" + cursor))
                    .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            cursor = page.path("nextCursor").asString();
        }
        return cursor;
    }

    /**
     * Brands with Instagram and LinkedIn, 8 staff members, an approved strategy per brand (made through the API for
     * the first brand, copied to the others) and 60 posts a month per brand from 2026-01 to 2027-12; the first
     * brand's id.
     */
    private UUID seed(TestAgency agency, int brands) throws Exception {
        UUID first;
        UUID deputy;
        try (BenchData data = BenchData.in(agency)) {
            data.brands(brands, "instagram", "linkedin");
            data.staffMembers(8);
            data.commit();
            first = data.brandIds().get(0);
            deputy = data.staffMemberIds().get(0);
        }
        draftAndFinish(agency, first, "/strategy", StrategyApiTest.plan(agency.admin().value(), deputy,
                List.of(StrategyApiTest.window("MONDAY", "09:00", "17:00"))), "/draft/approval");
        UUID tenant = agency.tenant().value();
        try (BenchData data = BenchData.in(agency)) {
            data.copyApprovedStrategy(first);
            data.update("set local statement_timeout = '2min'"); // the roles' 30 s is for requests
            data.update(POSTS, tenant, tenant, tenant, agency.admin().value());
            data.commit();
        }
        BenchData.analyze("post");
        return first;
    }

    /**
     * 60 posts a month per brand, spread over the month's days at 07:00–19:45 Berlin time: published (before now) or
     * draft, in review, changes requested, approved or scheduled (after now), every 31st cancelled; Instagram and,
     * for two of three, LinkedIn; pillars, labels, sometimes a campaign, every fourth assigned to a staff member.
     */
    private static final String POSTS = """
            with brands as (
                select id, row_number() over (order by name)::int as n from brand where tenant_id = ?
            ), staff as (
                select array_agg(user_id order by email) as ids from member
                where tenant_id = ? and email like 'member%@bench.test'
            )
            insert into post (tenant_id, id, brand_id, title, body, variants, pillar, planned_at, assignee_id, labels,
                              campaign, status, review_stage, content_version, published_at, created_by)
            select ?, gen_random_uuid(), b.id, 'Post ' || k + 1 || ' of ' || to_char(m.start, 'YYYY-MM'),
                   'What post ' || (k + 1) || ' says: ' || repeat('fresh milk from the farm, ', 1 + k % 8),
                   jsonb_build_array(jsonb_build_object('platform', 'instagram', 'text', 'Instagram text ' || k,
                           'mediaUrls', jsonb_build_array('https://cdn.example/' || b.n || '-' || k || '.jpg'),
                           'format', (array['POST', 'REEL', 'STORY'])[1 + k % 3]))
                       || case when k % 3 <> 0 then jsonb_build_array(jsonb_build_object('platform', 'linkedin',
                           'text', 'LinkedIn text ' || k, 'mediaUrls', '[]'::jsonb,
                           'format', case when k % 4 = 0 then 'ARTICLE' else 'POST' end)) else '[]' end,
                   case when k % 5 < 3 then 'From the farm' else 'Recipes' end,
                   t.at,
                   case when (k + b.n) % 4 = 0 then staff.ids[1 + (k + b.n) % cardinality(staff.ids)] end,
                   case k % 4 when 0 then '{}' when 1 then array['seasonal'] when 2 then array['video', 'seasonal']
                       else array['evergreen'] end,
                   case when k % 10 = 0 then 'Harvest ' || to_char(m.start, 'YYYY') end,
                   s.status,
                   case when s.status = 'in-review' then case when k % 2 = 0 then 'internal' else 'client' end end,
                   1,
                   case when s.status = 'published' then t.at + interval '2 minutes' end,
                   ?
            from brands b
            cross join staff
            cross join generate_series(timestamp '2026-01-01', timestamp '2027-12-01', interval '1 month') m(start)
            cross join generate_series(0, 59) k
            cross join lateral (select (m.start
                    + (k * ((m.start + interval '1 month')::date - m.start::date) / 60) * interval '1 day'
                    + make_interval(hours => 7 + (k * 5 + b.n) % 13, mins => 15 * ((k * 7 + b.n) % 4)))
                    at time zone 'Europe/Berlin' as at) t
            cross join lateral (select case
                    when k % 31 = 7 then 'cancelled'
                    when t.at < now() then 'published'
                    else (array['draft', 'draft', 'draft', 'in-review', 'in-review', 'changes-requested', 'approved',
                                'approved', 'scheduled', 'scheduled'])[1 + (k + b.n) % 10]
                    end as status) s""";

    /** The month view's first page across all brands: the query of PostRepository.list, written out. */
    private static final String MONTH_VIEW = """
            select * from post
            where tenant_id = ? and (planned_at >= ? and planned_at < ?)
            order by planned_at, id
            limit 201""";

    /** PostgreSQL's plan of the month view's first page across all brands. */
    private static String plan(TestAgency agency) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            List<String> lines = data.query("explain (analyze, buffers) " + MONTH_VIEW, agency.tenant().value(),
                    MONTH_START, MONTH_END);
            return String.join("\n", lines);
        }
    }

    /** The month view's first page in SQL alone: JDBC as the application role, every column read. */
    private static double[] timeSql(TestAgency agency) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            return Latency.percentiles(WARM_UP, SAMPLES, () -> {
                try {
                    data.readAll(MONTH_VIEW, agency.tenant().value(), MONTH_START, MONTH_END);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
