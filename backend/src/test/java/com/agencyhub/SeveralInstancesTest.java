package com.agencyhub;

import com.agencyhub.guidelines.web.GuidelinesApiTest;
import com.agencyhub.notifications.DeliveryWorker;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.BackendInstances;
import com.agencyhub.testsupport.InboxItems;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.WebhookReceiver;
import com.agencyhub.testsupport.db.TestDatabase;
import com.agencyhub.testsupport.mail.MailServer;
import com.agencyhub.testsupport.mail.ReceivedEmail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two backend instances of their own over real HTTP on the run's database, each running the notification delivery
 * worker and the escalation scheduler with short intervals (the suite's own context runs neither): deliveries and
 * escalations happen once, and a rolling restart under load loses no acknowledged write and no notification and
 * sends none twice. Rate limits across instances: {@code RateLimitsTest}; a deactivation reaching every instance:
 * {@code GrantsAcrossInstancesTest}. docs/scaling.md, "Several instances", has the figures of a run.
 */
class SeveralInstancesTest extends ApiTest {

    private static final Logger log = LoggerFactory.getLogger(SeveralInstancesTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longest wait for the instances to finish what the test gave them; far above what they need. */
    private static final Duration AT_MOST = Duration.ofSeconds(90);
    private static final AtomicInteger STARTED = new AtomicInteger();
    /** The two instances running now, in the order they started. */
    private static final List<ConfigurableApplicationContext> running = new CopyOnWriteArrayList<>();

    @Autowired
    private Notifications notifications;

    @BeforeAll
    static void twoInstances() {
        running.add(instance());
        running.add(instance());
    }

    @AfterAll
    static void closeThem() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    /**
     * An instance whose loops run often, with a lease short enough that a delivery left behind would be sent again
     * within the test, and whose e-mails name it as their sender.
     */
    private static ConfigurableApplicationContext instance() {
        int number = STARTED.incrementAndGet();
        return BackendInstances.start("--agencyhub.notifications.worker-enabled=true",
                "--agencyhub.notifications.worker-interval=100ms", "--agencyhub.notifications.batch-size=10",
                "--agencyhub.notifications.send-timeout=5s", "--agencyhub.notifications.lease=10s",
                "--agencyhub.notifications.mail-from=instance-" + number + "@agencyhub.localhost",
                "--agencyhub.inbox.escalation.enabled=true", "--agencyhub.inbox.escalation.interval=100ms");
    }

    @Test
    void theWorkersOfBothInstancesSendEachDeliveryOnce() {
        MailServer mail = MailServer.sharedForTests();
        TestAgency agency = newAgency("outbox-two");
        UUID lea = newStaffMember(agency, "Lea", "Roth");
        int count = 300;
        // Both instances first work off what earlier test classes left in the outbox (webhooks to hosts that do not
        // resolve, one DNS timeout of 5 s each): an instance still busy with those would leave all 300 to the other.
        awaitUntil(() -> deliveriesDueOrInFlight() == 0, "the instances done with earlier tests' deliveries");

        long started = System.nanoTime();
        notifications.enqueue(agency.tenant(), IntStream.range(0, count)
                .mapToObj(i -> new NewNotification(new UserId(lea), null, NotificationTopic.ROSTER_CHANGE,
                        "Notice " + i, "Your duty changed.", "A test.", new NewNotification.Reference(
                                NewNotification.Reference.Type.ROSTER_CHANGE, UUID.randomUUID()), true))
                .toList()).block();
        awaitUntil(() -> pending(agency.tenant()) == 0, "every delivery sent");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<ReceivedEmail> emails = mail.emailsTo(email(agency, "lea.roth"));
        assertThat(emails).extracting(ReceivedEmail::delivery).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(deliveries(agency.tenant(), "email"));
        assertThat(attempts(agency.tenant())).as("attempts per delivery").containsOnlyKeys(1);
        Map<String, Long> bySender = emails.stream()
                .collect(Collectors.groupingBy(ReceivedEmail::from, TreeMap::new, Collectors.counting()));
        assertThat(bySender).as("both instances sent some").hasSize(2);
        log.info("Two instances sent {} e-mails in {} ms ({} a second), by sender: {}", count, took.toMillis(),
                Math.round(count * 1000.0 / took.toMillis()), bySender);
    }

    @Test
    void theSchedulersOfBothInstancesTakeEachEscalationStepOnce() {
        MailServer mail = MailServer.sharedForTests();
        TestAgency agency = newAgency("escalation-two");
        UUID brand = newBrand(agency, "Alpenmilch");
        newStaffMember(agency, "Mia", "Manager", Role.AGENCY_MANAGER);
        Map<String, Object> guidelines = GuidelinesApiTest.content();
        guidelines.put("escalation", List.of(Map.of("trigger", Map.of("at", "percent-of-target", "value", 50),
                "recipient", "agency-managers", "channel", "email")));
        draftAndFinish(agency, brand, "/guidelines", guidelines, "/draft/publication");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int count = 40;

        // half of a 60-minute first-response target has passed for each: the step is due at once
        List<UUID> items = IntStream.range(0, count).mapToObj(i -> InboxItems.insertOpen(agency.tenant(), brand, 1,
                now.minus(Duration.ofMinutes(40)), 60, 960)).toList();
        awaitUntil(() -> items.stream().allMatch(item -> !InboxItems.events(agency.tenant(), item).isEmpty())
                && pending(agency.tenant()) == 0, "every item escalated and its e-mail sent");

        for (UUID item : items) {
            assertThat(InboxItems.events(agency.tenant(), item)).as("events of %s", item)
                    .extracting(InboxItems.Event::type).containsExactly("escalated");
        }
        assertThat(notificationsAbout(agency.tenant())).as("notifications per item")
                .containsOnlyKeys(items).allSatisfy((item, notified) -> assertThat(notified).isEqualTo(1));
        assertThat(mail.emailsTo(email(agency, "mia.manager"))).extracting(ReceivedEmail::delivery)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(deliveries(agency.tenant(), "email"));
    }

    /**
     * The first instance is sending a delivery to a slow receiver (the other one's worker is paused, so the sender is
     * known) when it is closed as SIGTERM closes it: it finishes the send and records it before it stops, so the
     * delivery is neither left to its lease nor sent again.
     */
    @Test
    void aStoppingInstanceFinishesTheDeliveryItIsSending() throws InterruptedException {
        TestAgency agency = newAgency("stopping");
        UUID lea = newStaffMember(agency, "Lea", "Roth");
        DeliveryWorker paused = running.get(1).getBean(DeliveryWorker.class);
        CountDownLatch stopped = new CountDownLatch(1);
        paused.stop(stopped::countDown);
        assertThat(stopped.await(AT_MOST.toSeconds(), TimeUnit.SECONDS)).as("the second worker paused").isTrue();
        try (WebhookReceiver receiver = slowWebhook(agency, Duration.ofSeconds(2), "sla-at-risk")) {
            notifications.enqueue(agency.tenant(), List.of(new NewNotification(new UserId(lea), null,
                    NotificationTopic.SLA_AT_RISK, "Alpenmilch: first response due 16:30", "A comment waits.",
                    "A test.", new NewNotification.Reference(NewNotification.Reference.Type.INTERACTION,
                            UUID.randomUUID()), false))).block();
            awaitUntil(() -> !receiver.received().isEmpty(), "the first instance sending");

            long closing = System.nanoTime();
            running.remove(0).close();
            log.info("An instance sending a delivery to a receiver that answers after 2 s closed in {} ms",
                    Duration.ofNanos(System.nanoTime() - closing).toMillis());

            assertThat(deliveries(agency.tenant(), "webhook")).as("recorded as sent before the instance stopped")
                    .hasSize(1);
            assertThat(attempts(agency.tenant())).containsExactly(Map.entry(1, 1));
            assertThat(receiver.received()).hasSize(1);
        } finally {
            running.add(instance());
            paused.start();
        }
    }

    /**
     * Writers keep both instances busy with roster overrides, each of which notifies Lea by e-mail and the agency's
     * webhook, whose receiver answers slowly so that deliveries are in flight at every moment. Each instance in turn
     * is closed as SIGTERM closes it (graceful shutdown) while it still gets requests, and a new one takes its place.
     */
    @Test
    void aRollingRestartUnderLoadLosesNoAcknowledgedWriteAndNoNotification() {
        MailServer mail = MailServer.sharedForTests();
        TestAgency agency = newAgency("rolling");
        UUID brand = newBrand(agency, "Alpenmilch");
        UUID lea = newStaffMember(agency, "Lea", "Roth");
        http.put().uri("/v1/brands/" + brand + "/team").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("assignments", List.of(Map.of("memberId", lea, "responsibility", "responsible"))))
                .exchange().expectStatus().isOk();
        try (WebhookReceiver receiver = slowWebhook(agency, Duration.ofMillis(300), "roster-change")) {
            Writers writers = new Writers(agency.adminToken(), lea, brand);
            running.forEach(instance -> writers.route(port(instance)));
            writers.start(4);
            writers.awaitAcknowledged(10);

            List<Long> closing = new ArrayList<>();
            List<Long> starting = new ArrayList<>();
            for (int turn = 0; turn < 2; turn++) {
                ConfigurableApplicationContext old = running.remove(0);
                long started = System.nanoTime();
                old.close();
                closing.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                writers.unroute(port(old));
                started = System.nanoTime();
                ConfigurableApplicationContext fresh = instance();
                starting.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                running.add(fresh);
                writers.route(port(fresh));
                writers.awaitAcknowledged(10);
            }
            writers.stop();
            long drainStarted = System.nanoTime();
            awaitUntil(() -> pending(agency.tenant()) == 0, "every delivery sent");
            long drained = Duration.ofNanos(System.nanoTime() - drainStarted).toMillis();

            Set<String> stored = notes(agency.tenant());
            int notified = notificationsAbout(agency.tenant()).values().stream().mapToInt(Integer::intValue).sum();
            Map<Integer, Integer> attempts = attempts(agency.tenant());
            log.info("Rolling restart: {} writes acknowledged (by port {}), {} stored, refused {}, other {}; "
                            + "{} notifications, deliveries by attempts {}; closing took {} ms, starting {} ms; the "
                            + "outbox drained {} ms after the load", writers.acknowledged().size(), writers.byPort(),
                    stored.size(), writers.refused(), writers.unexpected(), notified, attempts, closing, starting,
                    drained);

            assertThat(writers.unexpected()).as("answers other than success, 503, a refused connection or a kept-alive "
                    + "connection closed before the request was read").isEmpty();
            assertThat(stored).as("acknowledged writes stored").containsAll(writers.acknowledged());
            assertThat(writers.unanswered()).as("writes closed unanswered, not stored").noneMatch(stored::contains);
            assertThat(notified).as("one notification per stored override").isEqualTo(stored.size());
            assertThat(mail.emailsTo(email(agency, "lea.roth"))).extracting(ReceivedEmail::delivery)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(deliveries(agency.tenant(), "email"));
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::delivery)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(deliveries(agency.tenant(), "webhook"));
            assertThat(attempts).as("deliveries by attempts: a stopping instance finishes what it sends")
                    .containsOnlyKeys(1);
        }
    }

    /** A receiver that answers after {@code delay}, as the agency's webhook for the topic. */
    private WebhookReceiver slowWebhook(TestAgency agency, Duration delay, String topic) {
        WebhookReceiver receiver = WebhookReceiver.start();
        receiver.answerAfter(delay);
        http.post().uri("/v1/notification-webhooks").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Team Slack", "url", receiver.url("T000/B000/" + topic),
                        "topics", List.of(topic)))
                .exchange().expectStatus().isCreated();
        return receiver;
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    /**
     * Threads that each create roster overrides for Lea one after the other, for stretches of their own, on the
     * instances routed to in turn (a load balancer that notices a gone instance only after it is gone), and remember
     * how each request ended.
     */
    private static final class Writers {

        /** The JDK client's words for a connection the server closed before answering anything. */
        private static final String NO_ANSWER = "HTTP/1.1 header parser received no bytes";

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String token;
        private final UUID lea;
        private final UUID brand;
        private final Instant firstStretch = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        private final List<Integer> ports = new CopyOnWriteArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> byPort = new ConcurrentHashMap<>();
        private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopping;

        Writers(String token, UUID lea, UUID brand) {
            this.token = token;
            this.lea = lea;
            this.brand = brand;
        }

        void route(int port) {
            ports.add(port);
        }

        void unroute(int port) {
            ports.remove(Integer.valueOf(port));
        }

        void start(int count) {
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(this::write, "writer-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        private void write() {
            while (!stopping) {
                int number = sent.getAndIncrement();
                String note = "write " + number;
                Instant from = firstStretch.plus(Duration.ofMinutes(10L * number));
                List<Integer> now = List.copyOf(ports);
                int port = now.get(number % now.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/v1/roster/overrides"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("memberId", lea,
                                "from", from.toString(), "to", from.plus(Duration.ofMinutes(10)).toString(),
                                "brandIds", List.of(brand), "note", note))))
                        .build();
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 201) {
                        acknowledged.add(note);
                        byPort.computeIfAbsent(port, key -> new AtomicInteger()).incrementAndGet();
                    } else if (status == 503) {
                        refused.computeIfAbsent("503", key -> new AtomicInteger()).incrementAndGet();
                    } else {
                        unexpected.add(note + ": HTTP " + status);
                    }
                } catch (ConnectException e) {
                    refused.computeIfAbsent("connection refused", key -> new AtomicInteger()).incrementAndGet();
                } catch (IOException e) {
                    if (NO_ANSWER.equals(e.getMessage())) {
                        refused.computeIfAbsent("closed unanswered", key -> new AtomicInteger()).incrementAndGet();
                        unanswered.add(note);
                    } else {
                        unexpected.add(note + ": " + e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void awaitAcknowledged(int more) {
            int target = acknowledged.size() + more;
            awaitUntil(() -> acknowledged.size() >= target, more + " more writes acknowledged");
        }

        void stop() {
            stopping = true;
            threads.forEach(thread -> {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }

        Set<String> acknowledged() {
            return acknowledged;
        }

        Set<String> unanswered() {
            return unanswered;
        }

        Map<Integer, AtomicInteger> byPort() {
            return byPort;
        }

        Map<String, AtomicInteger> refused() {
            return refused;
        }

        List<String> unexpected() {
            return unexpected;
        }
    }

    /** The notes of the agency's roster overrides. */
    private static Set<String> notes(TenantId agency) {
        return TestDatabase.get().inAgency(agency, connection -> {
            Set<String> notes = new HashSet<>();
            try (ResultSet rows = connection.createStatement().executeQuery("select note from roster_override")) {
                while (rows.next()) {
                    notes.add(rows.getString(1));
                }
            }
            return notes;
        });
    }

    private static String email(TestAgency agency, String name) {
        return name + "@" + agency.slug() + ".test";
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int pending(TenantId agency) {
        return counted(agency, "select status, count(*) from notification_delivery group by status", String.class)
                .getOrDefault("pending", 0);
    }

    /** Pending deliveries of every agency that a worker would take now or has taken and not finished. */
    private static int deliveriesDueOrInFlight() {
        try (Connection admin = TestDatabase.get().asAdmin(); Statement sql = admin.createStatement();
             ResultSet count = sql.executeQuery("select count(*) from notification_delivery where status = 'pending' "
                     + "and (next_attempt_at <= now() or claim_id is not null)")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the agency's deliveries on the channel, each of them sent. */
    private static List<String> deliveries(TenantId agency, String channel) {
        return TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, status from notification_delivery where channel = ?")) {
                select.setString(1, channel);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        assertThat(rows.getString(2)).as("delivery %s", rows.getString(1)).isEqualTo("sent");
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** How many of the agency's deliveries took how many attempts. */
    private static Map<Integer, Integer> attempts(TenantId agency) {
        return counted(agency, "select attempts, count(*) from notification_delivery group by attempts", Integer.class);
    }

    /** How many notifications refer to each thing. */
    private static Map<UUID, Integer> notificationsAbout(TenantId agency) {
        return counted(agency, "select refers_to_id, count(*) from notification group by refers_to_id", UUID.class);
    }

    /** The counts of a query that selects a key and a count, by key. */
    private static <K> Map<K, Integer> counted(TenantId agency, String query, Class<K> key) {
        return TestDatabase.get().inAgency(agency, connection -> {
            Map<K, Integer> counts = new TreeMap<>();
            try (ResultSet rows = connection.createStatement().executeQuery(query)) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, key), rows.getInt(2));
                }
            }
            return counts;
        });
    }
}
