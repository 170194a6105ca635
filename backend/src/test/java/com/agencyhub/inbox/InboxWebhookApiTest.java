package com.agencyhub.inbox;

import com.agencyhub.shared.db.Transactions;
import com.agencyhub.strategy.web.StrategyApiTest;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.AUDIT_EVENT;
import static com.agencyhub.jooq.Tables.INTERACTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed webhook through the API: deliveries signed as docs/inbox.md describes are stored once, redeliveries
 * change nothing, and bad signatures, replayed timestamps, unknown webhooks and malformed bodies store nothing; a
 * rotation keeps the previous secret valid for its grace period and is audited without secrets.
 */
class InboxWebhookApiTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Transactions transactions;

    private TestAgency agency;
    private UUID brand;
    private String webhookPath;
    private byte[] secret;

    @BeforeEach
    void brandWithWebhook() {
        agency = newAgency("webhook");
        brand = InboxApiTest.brandWithChannels(http, agency);
        draftAndFinish(agency, brand, "/strategy", StrategyApiTest.plan(agency.admin().value(), newStaffMember(agency, "Dana", "Deputy"),
                InboxApiTest.weekdays("08:00", "18:00")), "/draft/approval");
        draftAndFinish(agency, brand, "/guidelines", InboxApiTest.guidelines(60, 240, "spoiled"),
                "/draft/publication");
        JsonNode rotated = rotate();
        webhookPath = "/v1/inbox-webhooks/" + rotated.path("id").asString();
        secret = Base64.getUrlDecoder().decode(rotated.path("secret").asString());
    }

    @Test
    void aSignedDeliveryIsStoredOnceAndARedeliveryChangesNothing() {
        byte[] body = delivery("hook-1", "hook-2");
        JsonNode first = deliver(body, now(), InboxWebhooks.sign(secret, now(), body)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.path("createdCount").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("firstResponseDueAt").asString()).isEqualTo("2026-11-30T07:30:00Z");
        JsonNode again = deliver(body, now(), InboxWebhooks.sign(secret, now(), body)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("createdCount").asInt()).isZero();
        assertThat(again.path("existingCount").asInt()).isEqualTo(2);
        assertThat(rows()).isEqualTo(2);
        http.get().uri("/v1/interactions/" + first.path("items").get(0).path("id").asString() + "/events")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].source").isEqualTo("webhook");
    }

    @Test
    void badSignaturesReplaysUnknownWebhooksAndMalformedBodiesStoreNothing() {
        byte[] body = delivery("bad-1");
        String timestamp = now();
        String signature = InboxWebhooks.sign(secret, timestamp, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("bad-1", "bad-9")
                .getBytes(StandardCharsets.UTF_8);
        expectUnauthorized(deliver(tampered, timestamp, signature));
        byte[] otherSecret = new byte[32];
        expectUnauthorized(deliver(body, timestamp, InboxWebhooks.sign(otherSecret, timestamp, body)));
        String old = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());
        expectUnauthorized(deliver(body, old, InboxWebhooks.sign(secret, old, body)));
        String ahead = Long.toString(Instant.now().plusSeconds(301).getEpochSecond());
        expectUnauthorized(deliver(body, ahead, InboxWebhooks.sign(secret, ahead, body)));
        expectUnauthorized(http.post().uri(webhookPath).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange());
        expectUnauthorized(http.post().uri("/v1/inbox-webhooks/" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.set("X-AgencyHub-Timestamp", timestamp);
                    h.set("X-AgencyHub-Signature", signature);
                }).bodyValue(body).exchange());
        // signed right, but no valid delivery: 400, nothing stored
        for (String malformed : List.of("{\"items\": [", "{\"items\": []}", "{\"items\": [{\"channel\": \"instagram\"}]}",
                "{\"items\": [{\"channel\": \"instagram\", \"externalId\": \"x\", \"kind\": \"comment\", "
                        + "\"receivedAt\": \"2999-01-01T00:00:00Z\"}]}")) {
            byte[] bytes = malformed.getBytes(StandardCharsets.UTF_8);
            deliver(bytes, timestamp, InboxWebhooks.sign(secret, timestamp, bytes)).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        byte[] huge = JSON.writeValueAsBytes(Map.of("items", List.of(InboxApiTest.item("big", "comment",
                "2026-11-27T16:30:00Z", "x".repeat(300 * 1024)))));
        deliver(huge, timestamp, InboxWebhooks.sign(secret, timestamp, huge)).expectStatus().isEqualTo(413);
        assertThat(rows()).isZero();
    }

    @Test
    void afterARotationBothSecretsWorkUntilTheGracePeriodEnds() {
        byte[] previous = secret;
        JsonNode rotated = rotate();
        byte[] current = Base64.getUrlDecoder().decode(rotated.path("secret").asString());
        assertThat(rotated.path("previousSecretValidUntil").isNull()).isFalse();
        byte[] body = delivery("rot-1");
        deliver(body, now(), InboxWebhooks.sign(previous, now(), body)).expectStatus().isOk();
        byte[] next = delivery("rot-2");
        deliver(next, now(), InboxWebhooks.sign(current, now(), next)).expectStatus().isOk();
        JsonNode shown = http.get().uri("/v1/brands/" + brand + "/inbox-webhook")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.path("url").asString()).endsWith(webhookPath);
        assertThat(rows()).isEqualTo(2);
        long audited = transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectCount().from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq("inbox-webhook.rotated"))).map(row -> (long) row.value1())).block();
        assertThat(audited).isEqualTo(2);
    }

    private JsonNode rotate() {
        return http.post().uri("/v1/brands/" + brand + "/inbox-webhook/rotation")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static byte[] delivery(String... externalIds) {
        List<Map<String, Object>> items = Arrays.stream(externalIds)
                .map(id -> InboxApiTest.item(id, "comment", "2026-11-27T16:30:00Z", "Spoiled!")).toList();
        return JSON.writeValueAsBytes(Map.of("items", items));
    }

    private WebTestClient.ResponseSpec deliver(byte[] body, String timestamp, String signature) {
        return http.post().uri(webhookPath).contentType(MediaType.APPLICATION_JSON).headers(h -> {
            h.set("X-AgencyHub-Timestamp", timestamp);
            h.set("X-AgencyHub-Signature", signature);
        }).bodyValue(body).exchange();
    }

    private static void expectUnauthorized(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private long rows() {
        return transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectCount().from(INTERACTION))
                .map(row -> (long) row.value1())).block();
    }
}
