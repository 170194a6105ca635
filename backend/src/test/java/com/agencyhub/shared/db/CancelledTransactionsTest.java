package com.agencyhub.shared.db;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions end whatever their subscribers do: hundreds of them, cancelled at random moments (while the
 * connection is acquired, inside the work, around the commit) — as clients that hang up and timeouts do — leave no
 * connection idle in an open transaction, and the pool gets every connection back.
 */
class CancelledTransactionsTest extends ApiTest {

    private static final Random RANDOM = new Random(20261202);

    @Autowired
    Transactions transactions;

    @Autowired
    ConnectionFactory pool;

    @Test
    void cancelledWorkLeavesNoTransactionOpenAndThePoolWhole() throws Exception {
        TestAgency agency = newAgency("cancelled");
        Flux.range(0, 400)
                .flatMap(i -> transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.select(DSL.field(
                                        "pg_sleep(" + RANDOM.nextInt(20) / 1000.0 + ")")))
                                .then(Mono.from(sql.selectCount().from(DSL.table("member")))))
                        .timeout(Duration.ofMillis(RANDOM.nextInt(25)))
                        .onErrorResume(timeout -> Mono.empty()), 16)
                .blockLast(Duration.ofMinutes(1));

        assertSettled();
    }

    /**
     * The race of a load generator's end (wrk closing all its connections at once): a transaction cancelled after its
     * {@code BEGIN} was sent, but before the driver has read PostgreSQL's answer, is one the driver does not know to
     * be open, and its own rollback then sends nothing. Such transactions stayed open until PostgreSQL's backstop
     * ended them 30 s later, and their connections then failed the pool's validation (503).
     */
    @Test
    void transactionsCancelledAllAtOnceUnderLoadAreAllEnded() throws Exception {
        TestAgency agency = newAgency("beginning");
        for (int round = 0; round < 20; round++) {
            Disposable load = Flux.range(0, Integer.MAX_VALUE)
                    .flatMap(i -> transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectOne())), 64)
                    .subscribe();
            Thread.sleep(100 + RANDOM.nextInt(50));
            load.dispose();
        }

        assertSettled();
    }

    /** The narrow race: the subscriber goes away just as the work is done and the commit is about to be sent. */
    @Test
    void aCancellationDuringTheCommitStillEndsTheTransaction() throws Exception {
        TestAgency agency = newAgency("racing");
        for (int i = 0; i < 300; i++) {
            java.util.concurrent.atomic.AtomicReference<reactor.core.publisher.BaseSubscriber<Long>> subscriber =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            reactor.core.publisher.BaseSubscriber<Long> cancelling = new reactor.core.publisher.BaseSubscriber<>() {
                @Override
                protected void hookFinally(reactor.core.publisher.SignalType type) {
                    done.countDown();
                }
            };
            subscriber.set(cancelling);
            transactions.inTenant(agency.tenant(), sql -> Mono.from(sql.selectCount().from(DSL.table("member")))
                            .map(row -> row.value1().longValue())
                            .doOnSuccess(rows -> subscriber.get().cancel()))
                    .subscribe(cancelling);
            done.await(5, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertSettled();
    }

    @Test
    void requestsWhoseClientsGiveUpLeaveNoTransactionOpen() throws Exception {
        TestAgency agency = newAgency("impatient");
        UUID brand = newBrand(agency, "Impatient");
        Flux.range(0, 200)
                .flatMap(i -> Mono.fromRunnable(() -> {
                    try {
                        WebTestClient impatient = http.mutate()
                                .responseTimeout(Duration.ofMillis(1 + RANDOM.nextInt(15)))
                                .defaultHeaders(h -> h.setBearerAuth(agency.adminToken())).build();
                        if (i % 2 == 0) {
                            impatient.get().uri("/v1/brands/" + brand).exchange();
                        } else { // an edit: a transaction of its own (its version is mostly stale: then a 412)
                            impatient.patch().uri("/v1/brands/" + brand)
                                    .header(HttpHeaders.IF_MATCH, "\"" + RANDOM.nextInt(3) + "\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue("{\"notes\":\"edit " + i + "\"}").exchange();
                        }
                    } catch (IllegalStateException | AssertionError timedOut) {
                        // the client gave up: what this test is about
                    }
                }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 16)
                .blockLast(Duration.ofMinutes(1));

        assertSettled();
    }

    @Test
    void postgresqlEndsWhatTheBackendWouldNot() {
        var settings = transactions.inTenant(newAgency("backstop").tenant(), sql -> Mono.from(sql.select(
                DSL.field("current_setting('idle_in_transaction_session_timeout')", String.class),
                DSL.field("current_setting('statement_timeout')", String.class)))).block();
        assertThat(settings.value1()).isEqualTo(PostgresBootstrap.IDLE_IN_TRANSACTION_TIMEOUT);
        assertThat(settings.value2()).isEqualTo(PostgresBootstrap.STATEMENT_TIMEOUT);
    }

    private void assertSettled() throws Exception {
        ConnectionPool connectionPool = ((TimedConnections) pool).unwrap();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int open;
        int acquired;
        do {
            Thread.sleep(100);
            open = idleInTransaction();
            acquired = connectionPool.getMetrics().orElseThrow().acquiredSize();
        } while ((open > 0 || acquired > 0) && System.nanoTime() < deadline);
        assertThat(open).as("application-role connections idle in transaction").isZero();
        assertThat(acquired).as("connections not returned to the pool").isZero();
    }

    /** Counted as a superuser: other roles see no state of the application role's sessions. */
    private static int idleInTransaction() throws Exception {
        try (Connection admin = TestDatabase.get().asAdmin();
             Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from pg_stat_activity where usename = '"
                     + PostgresBootstrap.APP + "' and state like 'idle in transaction%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
