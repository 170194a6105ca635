package com.agencyhub.bench;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server-side latency of GET /v1/brands and GET /v1/members (security, member lookup, SQL, JSON) for agencies with
 * 50 and 500 brands (3 channels each) and 200 members, first page of 50 and the last page (page 10 of the brands,
 * page 5 of the members). A discarded warm-up round runs first. Data is generated
 * with SQL as the application role; requests go through the in-process WebTestClient, so no network is timed.
 * Every response also passes the tests' OpenAPI contract check, so the figures are an upper bound.
 * Prints a table; asserts nothing. Run:
 * {@code ./mvnw -q -pl backend -am test -Dtest=ListLatencyBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ListLatencyBenchmark extends ApiTest {

    private static final int WARMUP = 50;
    private static final int SAMPLES = 300;

    @Test
    void listLatency() throws Exception {
        List<String> rows = new ArrayList<>();
        boolean warmedUp = false;
        for (int brands : new int[]{50, 500}) {
            TestAgency agency = newAgency("bench" + brands);
            seed(agency, brands, 200);
            String token = agency.adminToken();
            if (!warmedUp) {
                measure(token, "/v1/brands", null);
                measure(token, "/v1/members", null);
                warmedUp = true;
            }
            rows.add(row("/v1/brands", brands, "first", measure(token, "/v1/brands", null)));
            rows.add(row("/v1/brands", brands, "last (" + brands / 50 + ")",
                    measure(token, "/v1/brands", lastPageCursor(token, "/v1/brands"))));
            rows.add(row("/v1/members", brands, "first", measure(token, "/v1/members", null)));
            rows.add(row("/v1/members", brands, "last (5)", measure(token, "/v1/members",
                    lastPageCursor(token, "/v1/members"))));
        }
        System.out.println("\n?limit=50, 200 members, " + SAMPLES + " requests each (ms)\n"
                + "| list        | brands | page      |  p50 |  p95 |\n|-------------|-------:|-----------|-----:|-----:|\n"
                + String.join("\n", rows));
    }

    private static String row(String list, int brands, String page, double[] millis) {
        return String.format("| %-11s | %6d | %-9s | %4.1f | %4.1f |", list, brands, page, millis[0], millis[1]);
    }

    /** The cursor that leads to the last page of the list. */
    private String lastPageCursor(String token, String list) {
        String cursor = null;
        String next = page(token, list, null);
        while (next != null) {
            cursor = next;
            next = page(token, list, cursor);
        }
        return cursor;
    }

    private double[] measure(String token, String list, String cursor) {
        return Latency.percentiles(WARMUP, SAMPLES, () -> page(token, list, cursor));
    }

    /** Fetches one page of the list; returns its next cursor. */
    private String page(String token, String list, String cursor) {
        Map<?, ?> page = http.get().uri(list + "?limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) page.get("nextCursor");
    }

    private static void seed(TestAgency agency, int brands, int members) throws Exception {
        try (BenchData data = BenchData.in(agency)) {
            data.brands(brands, "instagram", "linkedin", "tiktok");
            data.staffMembers(members);
            data.commit();
        }
    }
}
