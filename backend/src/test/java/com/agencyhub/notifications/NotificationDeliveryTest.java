package com.agencyhub.notifications;

import com.agencyhub.api.model.NotificationDeliveryDto;
import com.agencyhub.api.model.NotificationDto;
import com.agencyhub.api.model.NotificationPageDto;
import com.agencyhub.notifications.internal.ClaimedDelivery;
import com.agencyhub.notifications.internal.DeliveryRepository;
import com.agencyhub.notifications.internal.EmailSender;
import com.agencyhub.notifications.internal.WebhookSender;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.WebhookReceiver;
import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.mail.ReceivedEmail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox end to end, against the run's PostgreSQL and a real SMTP server (GreenMail) and a local HTTP receiver.
 * The worker's loop is off in tests; each test runs rounds itself, as of the instant it chooses, so backoff and lease
 * expiry are checked without waiting.
 */
class NotificationDeliveryTest extends ApiTest {

    private static final Duration WAIT_FOR_MAIL = Duration.ofSeconds(20);

    @Autowired
    private Notifications notifications;
    @Autowired
    private DeliveryWorker worker;
    @Autowired
    private DeliveryRepository deliveries;
    @Autowired
    private Transactions transactions;
    @Autowired
    private NotificationsProperties properties;
    @Autowired
    private EmailSender email;
    @Autowired
    private WebhookSender webhooks;

    private WebhookReceiver receiver;
    private TestAgency agency;
    private UUID lea;

    @BeforeEach
    void anAgencyWithAMember() {
        agency = newAgency("deliveries");
        lea = newStaffMember(agency, "Lea", "Roth");
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anEmailArrivesWithWhatHappenedAndWhy() {
        MailServer mail = MailServer.sharedForTests();
        enqueue(notice(NotificationTopic.ROSTER_CHANGE, "Your duty for Alpenmilch changed", true));

        worker.runRound(Instant.now()).block();

        ReceivedEmail email = mail.awaitEmailsTo(leaEmail(), 1, WAIT_FOR_MAIL).get(0);
        assertThat(email.subject()).isEqualTo("Your duty for Alpenmilch changed");
        assertThat(email.text()).contains("Lea takes Saturday 09:00-17:00.")
                .contains("Why you get this: Jonas is sick.");
        NotificationDto recorded = only(list("?recipientId=" + lea));
        assertThat(recorded.getReason()).isEqualTo("Jonas is sick.");
        assertThat(recorded.getDeliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.getChannel().getValue()).isEqualTo("email");
            assertThat(delivery.getTarget()).isEqualTo(leaEmail());
            assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
            assertThat(delivery.getAttempts()).isEqualTo(1);
            assertThat(delivery.getNextAttemptAt()).isNull();
        });
    }

    @Test
    void nothingIsRecordedOrSentForWorkThatRollsBack() {
        MailServer mail = MailServer.sharedForTests();
        assertThatThrownBy(() -> transactions.inTenant(agency.tenant(), sql -> notifications
                        .enqueue(agency.tenant(), List.of(notice(NotificationTopic.ROSTER_CHANGE, "Rolled back", true)))
                        .then(Mono.error(new IllegalStateException("the roster write failed")))).block())
                .hasMessageContaining("the roster write failed");

        worker.runRound(Instant.now()).block();

        assertThat(list("?recipientId=" + lea).getItems()).isEmpty();
        assertThat(mail.emailsTo(leaEmail())).isEmpty();
    }

    @Test
    void aWebhookGetsTheNotificationAsSlackCompatibleJson() {
        addWebhook("sla-at-risk");
        enqueue(notice(NotificationTopic.SLA_AT_RISK, "Alpenmilch: first response due 16:30", false));

        worker.runRound(Instant.now()).block();

        assertThat(receiver.received()).singleElement().satisfies(request -> {
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).startsWith("{\"text\":\"*Alpenmilch: first response due 16:30*\\n")
                    .contains("Jonas is sick.");
        });
        NotificationDeliveryDto delivery = only(list("?recipientId=" + lea)).getDeliveries().get(0);
        assertThat(delivery.getChannel().getValue()).isEqualTo("webhook");
        assertThat(delivery.getTarget()).startsWith("Team Slack (http://127.0.0.1:").doesNotContain("s3cr3t");
        assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
        assertThat(receiver.received().get(0).delivery()).isEqualTo(delivery.getId().toString());
    }

    @Test
    void failedAttemptsAreRetriedWithDoublingBackoffUntilTheDeliveryGivesUp() {
        addWebhook("sla-breached");
        receiver.answer(503);
        enqueue(notice(NotificationTopic.SLA_BREACHED, "Alpenmilch: first response overdue", false));
        Instant attemptAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            if (attempt > 1) {
                worker.runRound(attemptAt.minusSeconds(1)).block();
                assertThat(delivery().getAttempts()).as("not due a second before").isEqualTo(attempt - 1);
            }

            worker.runRound(attemptAt).block();

            NotificationDeliveryDto delivery = delivery();
            assertThat(delivery.getAttempts()).isEqualTo(attempt);
            assertThat(delivery.getLastError()).isEqualTo("HTTP 503 from the receiver");
            if (attempt < properties.maxAttempts()) {
                Duration backoff = Duration.ofSeconds(30L << (attempt - 1));
                assertThat(delivery.getStatus().getValue()).isEqualTo("pending");
                assertThat(delivery.getNextAttemptAt().toInstant()).isEqualTo(attemptAt.plus(backoff));
                attemptAt = attemptAt.plus(backoff);
            } else {
                assertThat(delivery.getStatus().getValue()).isEqualTo("failed");
                assertThat(delivery.getNextAttemptAt()).isNull();
            }
        }
        worker.runRound(attemptAt.plus(Duration.ofDays(1))).block();
        assertThat(delivery().getAttempts()).isEqualTo(properties.maxAttempts());
        assertThat(receiver.received()).hasSize(properties.maxAttempts());
    }

    @Test
    void twoWorkersRunningRoundsAtOnceDeliverEachNotificationOnce() {
        addWebhook("sla-at-risk");
        enqueue(IntStream.range(0, 30).mapToObj(i -> notice(NotificationTopic.SLA_AT_RISK, "Item " + i, false))
                .toArray(NewNotification[]::new));
        Instant now = Instant.now();

        Flux.merge(worker.runRound(now).subscribeOn(Schedulers.parallel()),
                worker.runRound(now).subscribeOn(Schedulers.parallel())).blockLast();

        List<NotificationDto> sent = list("?recipientId=" + lea + "&limit=100").getItems();
        assertThat(sent).hasSize(30).allSatisfy(notification -> assertThat(notification.getDeliveries())
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
                    assertThat(delivery.getAttempts()).isEqualTo(1);
                }));
        assertThat(receiver.received()).hasSize(30);
        assertThat(receiver.received().stream().map(WebhookReceiver.Received::delivery).distinct()).hasSize(30);
    }

    @Test
    void aWorkerThatDiesAfterClaimingLosesNothingAndNothingIsSentTwice() {
        twoWebhookNotifications();
        Instant claimedAt = Instant.now();
        List<ClaimedDelivery> claimedByTheDeadWorker = worker.claimBatch(agency.tenant(), claimedAt).block();
        assertThat(claimedByTheDeadWorker).hasSize(2);

        worker.runRound(claimedAt.plus(properties.lease()).minusSeconds(1)).block();
        assertThat(receiver.received()).as("still leased to the worker that died").isEmpty();

        worker.runRound(claimedAt.plus(properties.lease())).block();
        assertThat(receiver.received()).hasSize(2);
        assertThat(list("?recipientId=" + lea).getItems()).allSatisfy(notification ->
                assertThat(notification.getDeliveries()).singleElement().satisfies(delivery -> {
                    assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
                    assertThat(delivery.getAttempts()).isEqualTo(2);
                }));

        Boolean lateReportCounts = transactions.inTenant(agency.tenant(), sql -> deliveries.recordFailure(sql,
                claimedByTheDeadWorker.get(0), Instant.now(), "connection reset", null)).block();
        assertThat(lateReportCounts).isFalse();
        worker.runRound(claimedAt.plus(Duration.ofDays(1))).block();
        assertThat(receiver.received()).hasSize(2);
        assertThat(only(list("?recipientId=" + lea + "&limit=1")).getDeliveries().get(0).getStatus().getValue())
                .isEqualTo("sent");
    }

    @Test
    void aWorkerStoppingMidRoundSendsNothingItHadNotStartedAndReleasesItsClaims() {
        twoWebhookNotifications();
        Instant now = Instant.now();
        // shutdown begins right after this worker claimed the agency's batch, before it sent anything
        DeliveryWorker stoppingWorker = new DeliveryWorker(deliveries, email, webhooks, transactions, properties) {
            @Override
            Mono<List<ClaimedDelivery>> claimBatch(TenantId tenant, Instant at) {
                return super.claimBatch(tenant, at).doOnNext(claimed -> {
                    if (tenant.equals(agency.tenant())) {
                        stop();
                    }
                });
            }
        };

        stoppingWorker.runRound(now).block();

        assertThat(receiver.received()).isEmpty();
        assertThat(list("?recipientId=" + lea).getItems()).hasSize(2).allSatisfy(notification ->
                assertThat(notification.getDeliveries()).singleElement().satisfies(delivery -> {
                    assertThat(delivery.getStatus().getValue()).isEqualTo("pending");
                    assertThat(delivery.getAttempts()).as("a release is no attempt").isZero();
                }));

        worker.runRound(now).block(); // the next instance, without waiting for a lease
        assertThat(receiver.received()).hasSize(2);
        assertThat(list("?recipientId=" + lea).getItems()).allSatisfy(notification ->
                assertThat(notification.getDeliveries()).singleElement().satisfies(delivery -> {
                    assertThat(delivery.getStatus().getValue()).isEqualTo("sent");
                    assertThat(delivery.getAttempts()).isEqualTo(1);
                }));
    }

    private void twoWebhookNotifications() {
        addWebhook("sla-at-risk");
        enqueue(notice(NotificationTopic.SLA_AT_RISK, "First", false),
                notice(NotificationTopic.SLA_AT_RISK, "Second", false));
    }

    private NewNotification notice(NotificationTopic topic, String subject, boolean byEmail) {
        return new NewNotification(new UserId(lea), null, topic, subject, "Lea takes Saturday 09:00-17:00.",
                "Jonas is sick.", new NewNotification.Reference(NewNotification.Reference.Type.ROSTER_CHANGE,
                UUID.randomUUID()), byEmail);
    }

    private void enqueue(NewNotification... batch) {
        transactions.inTenant(agency.tenant(), sql -> notifications.enqueue(agency.tenant(), List.of(batch))).block();
    }

    private void addWebhook(String topic) {
        http.post().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Team Slack", "url", receiver.url("T000/B000/s3cr3t"), "topics", List.of(topic)))
                .exchange().expectStatus().isCreated();
    }

    private NotificationPageDto list(String query) {
        return http.get().uri("/v1/notifications" + query).headers(h -> h.setBearerAuth(agency.adminToken()))
                .exchange().expectStatus().isOk()
                .expectBody(NotificationPageDto.class).returnResult().getResponseBody();
    }

    private NotificationDeliveryDto delivery() {
        return only(list("?recipientId=" + lea)).getDeliveries().get(0);
    }

    private static NotificationDto only(NotificationPageDto page) {
        assertThat(page.getItems()).hasSize(1);
        return page.getItems().get(0);
    }

    private String leaEmail() {
        return "lea.roth@" + agency.slug() + ".test";
    }
}
