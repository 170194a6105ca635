package com.agencyhub.bench;

import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.EventSource;
import com.agencyhub.inbox.InboxWebhooks;
import com.agencyhub.inbox.Interaction;
import com.agencyhub.inbox.InteractionEvent;
import com.agencyhub.inbox.InteractionId;
import com.agencyhub.inbox.InteractionStatus;
import com.agencyhub.inbox.PrioritySource;
import com.agencyhub.inbox.WindowClass;
import com.agencyhub.inbox.InboxApiTest;
import com.agencyhub.inbox.internal.InteractionEventRepository;
import com.agencyhub.inbox.internal.InteractionRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Ingest throughput (issue 13): items per second through the signed webhook (signature check, JSON, validation,
 * pinning, idempotent insert) and through the batch endpoint with a bearer token and an Idempotency-Key, against the
 * same rows and events inserted directly with the repositories' SQL as the application role (one transaction per
 * batch), all in the same run on the same database. Requests go over HTTP on loopback to the server on a random port
 * (so this benchmark has a Spring context of its own), through the whole stack: sockets, security chains, rate limits,
 * the signature filter, JSON binding and validation, the service; the tests' client sends them without its contract
 * check. Each path sends {@value #BATCHES} batches of {@value #BATCH_SIZE}
 * new items from {@value #SENDERS} threads after a warm-up; arrivals are spread over last week, so some fall outside
 * the coverage windows and the roster is resolved for them. Prints a table; asserts nothing. Run:
 * {@code ./mvnw -q -pl web-api-spec,backend -am verify -Dtest=InboxIngestBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxIngestBenchmark extends ApiTest {

    private static final int BATCH_SIZE = Integer.getInteger("bench.batch", 200);
    private static final int BATCHES = Integer.getInteger("bench.batches", 100);
    private static final int SENDERS = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Transactions transactions;
    @Autowired
    private InteractionRepository interactions;
    @Autowired
    private InteractionEventRepository events;

    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void ingestThroughput() throws Exception {
        TestAgency agency = newAgency("ingest-bench");
        UUID brand = InboxApiTest.brandWithChannels(http, agency);
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(),
                newStaffMember(agency, "Dana", "Deputy"), InboxApiTest.weekdays("08:00", "18:00")), "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", InboxApiTest.guidelines(60, 240, "spoiled"),
                "/draft/publication");
        JsonNode webhook = http.post().uri("/v1/brands/" + brand + "/inbox-webhook/rotation")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        byte[] secret = Base64.getUrlDecoder().decode(webhook.path("secret").asString());
        String hook = "/v1/inbox-webhooks/" + webhook.path("id").asString();
        WebTestClient client = http.mutate().filters(List::clear).responseTimeout(Duration.ofMinutes(1)).build();

        IntConsumer viaWebhook = batch -> {
            byte[] body = body();
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            client.post().uri(hook).contentType(MediaType.APPLICATION_JSON).headers(h -> {
                h.set("X-AgencyHub-Timestamp", timestamp);
                h.set("X-AgencyHub-Signature", InboxWebhooks.sign(secret, timestamp, body));
            }).bodyValue(body).exchange().expectStatus().isOk();
        };
        IntConsumer viaBatch = batch -> client.post().uri("/v1/brands/" + brand + "/interactions/batch")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> {
                    h.setBearerAuth(agency.adminToken());
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).bodyValue(body()).exchange().expectStatus().isOk();
        IntConsumer viaSql = batch -> insertDirectly(agency, brand);

        List<String> rows = new ArrayList<>();
        double sql = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up and is not printed
            boolean warmUp = round == 0;
            int batches = warmUp ? Math.max(SENDERS, BATCHES / 5) : BATCHES;
            double sqlRate = rate(viaSql, batches);
            double webhookRate = rate(viaWebhook, batches);
            double batchRate = rate(viaBatch, batches);
            if (!warmUp) {
                sql = sqlRate;
                rows.add(String.format("| direct SQL (repositories, app role) | %,.0f | 1.00 |", sqlRate));
                rows.add(String.format("| signed webhook | %,.0f | %.2f |", webhookRate, webhookRate / sqlRate));
                rows.add(String.format("| batch endpoint + Idempotency-Key | %,.0f | %.2f |", batchRate,
                        batchRate / sqlRate));
            }
        }
        System.out.printf("%nInbox ingest, %d batches of %d items from %d senders, %d cores, load average %.1f "
                        + "(SQL: %,.0f items/s)%n", BATCHES, BATCH_SIZE, SENDERS,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sql);
        System.out.println("| path | items/s | ratio to SQL |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Items per second of {@code batches} batches sent by {@value #SENDERS} threads. */
    private static double rate(IntConsumer send, int batches) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            running.add(senders.submit(() -> {
                for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                    send.accept(batch);
                }
            }));
        }
        for (Future<?> sender : running) {
            sender.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        senders.shutdown();
        return batches * (double) BATCH_SIZE / seconds;
    }

    private byte[] body() {
        List<Map<String, Object>> items = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            int n = sequence.incrementAndGet();
            Map<String, Object> item = new HashMap<>(InboxApiTest.item("bench-" + n, "comment", arrival(n).toString(),
                    n % 10 == 0 ? "Spoiled again, I want my money back" : "Love the new yoghurt"));
            item.put("link", "https://www.instagram.com/p/bench" + n + "/");
            items.add(item);
        }
        return JSON.writeValueAsBytes(Map.of("items", items));
    }

    /** The same rows and events, with the values pinning would give, in one transaction per batch. */
    private void insertDirectly(TestAgency agency, UUID brand) {
        List<Interaction> rows = new ArrayList<>(BATCH_SIZE);
        List<InteractionEvent> arrivals = new ArrayList<>(BATCH_SIZE * 3);
        Instant now = Instant.now();
        for (int i = 0; i < BATCH_SIZE; i++) {
            int n = sequence.incrementAndGet();
            Instant received = arrival(n);
            InteractionId id = new InteractionId(UUID.randomUUID());
            Interaction.PinnedSla sla = new Interaction.PinnedSla(1, 1, SlaPolicy.Clock.BUSINESS, 60, 240,
                    received.plus(Duration.ofHours(1)), received.plus(Duration.ofHours(4)));
            rows.add(new Interaction(id, new BrandId(brand), "instagram", "bench-" + n, InteractionKind.COMMENT,
                    "@milchfan", "Love the new yoghurt", "https://www.instagram.com/p/bench" + n + "/", null, received,
                    now, SlaPolicy.Priority.NORMAL, PrioritySource.FALLBACK, WindowClass.INSIDE, sla,
                    InteractionStatus.OPEN, null, null, new Interaction.Resolution(null, null, null, null, 0, 0), 0,
                    null, null, null, 0));
            arrivals.add(InteractionEvent.of(id, InteractionEvent.Type.RECEIVED, null, received, agency.admin(),
                    EventSource.TOOL, "instagram", Map.of()));
            arrivals.add(InteractionEvent.of(id, InteractionEvent.Type.ACTIVATED,
                    InteractionEvent.Metric.FIRST_RESPONSE, received, null, EventSource.SYSTEM, null,
                    Map.of("dueAt", sla.firstResponseDueAt().toString())));
            arrivals.add(InteractionEvent.of(id, InteractionEvent.Type.ACTIVATED, InteractionEvent.Metric.RESOLUTION,
                    received, null, EventSource.SYSTEM, null, Map.of("dueAt", sla.resolutionDueAt().toString())));
        }
        transactions.inTenant(agency.tenant(), sql -> interactions.insertNew(sql, agency.tenant(), rows).collectList()
                .flatMap(inserted -> events.append(sql, agency.tenant(), arrivals))).block(Duration.ofMinutes(1));
    }

    /** Spread over the week before last, a minute apart: some inside the windows, most outside. */
    private static Instant arrival(int n) {
        return Instant.parse("2026-11-16T00:00:00Z").plusSeconds(37L * (n % 16_000));
    }
}
