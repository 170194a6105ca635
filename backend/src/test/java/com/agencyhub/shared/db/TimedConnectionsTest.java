package com.agencyhub.shared.db;

import com.agencyhub.testsupport.ApiTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for a connection ({@link TimedConnections}) on a real pool of one connection to the test database, as the
 * application role: a free connection comes at once, a busy pool answers "unavailable" after the limit, and no
 * connection is lost to a waiter that gave up or went away.
 */
class TimedConnectionsTest extends ApiTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    @Autowired
    ConnectionFactory applicationPool;

    private ConnectionPool oneConnection;
    private TimedConnections timed;

    @BeforeEach
    void poolOfOne() {
        ConnectionFactory unpooled = ((TimedConnections) applicationPool).unwrap().unwrap();
        oneConnection = new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled)
                .maxSize(1).initialSize(1).build());
        timed = new TimedConnections(oneConnection, LIMIT);
    }

    @AfterEach
    void closePool() {
        timed.dispose();
        assertThat(oneConnection.isDisposed()).isTrue();
    }

    @Test
    void theApplicationPoolIsWaitedForThroughTheTimer() {
        assertThat(applicationPool).isInstanceOf(TimedConnections.class);
        assertThat(((TimedConnections) applicationPool).unwrap().getMetrics()).isPresent();
    }

    @Test
    void aFreeConnectionComesAtOnceAndWorks() {
        assertThat(selectOne(timed)).isEqualTo(1);
        assertThat(selectOne(timed)).as("the connection went back to the pool").isEqualTo(1);
        assertAllReturned();
    }

    @Test
    void aBusyPoolIsUnavailableAfterTheLimit() {
        Connection held = timed.create().block();
        long start = System.nanoTime();
        assertThatThrownBy(() -> timed.create().block())
                .isInstanceOf(R2dbcTimeoutException.class)
                .satisfies(error -> assertThat(SqlErrors.isDatabaseUnavailable(error)).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LIMIT);
        Mono.from(held.close()).block();
        assertThat(selectOne(timed)).as("the connection is free again, not taken by the waiter that gave up")
                .isEqualTo(1);
        assertAllReturned();
    }

    @Test
    void aConnectionFreedWithinTheLimitGoesToTheWaiter() {
        Connection held = timed.create().block();
        Schedulers.parallel().schedule(() -> Mono.from(held.close()).subscribe(), 100,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        Connection next = new TimedConnections(oneConnection, Duration.ofSeconds(5)).create().block();
        assertThat(next).isNotNull();
        Mono.from(next.close()).block();
        assertAllReturned();
    }

    @Test
    void aWaiterThatGoesAwayTakesNoConnection() throws InterruptedException {
        Connection held = timed.create().block();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Disposable waiter = timed.create().subscribe(outcome::set, outcome::set);
        waiter.dispose();
        Mono.from(held.close()).block();
        Thread.sleep(LIMIT.toMillis() * 2);
        assertThat(outcome.get()).as("a cancelled waiter hears nothing, not even the limit").isNull();
        assertAllReturned();
        assertThat(selectOne(timed)).isEqualTo(1);
    }

    private static Integer selectOne(ConnectionFactory connections) {
        return Mono.usingWhen(connections.create(),
                connection -> Mono.from(connection.createStatement("select 1").execute())
                        .flatMap(result -> Mono.from(result.map(row -> row.get(0, Integer.class)))),
                Connection::close).block();
    }

    private void assertAllReturned() {
        assertThat(oneConnection.getMetrics().orElseThrow().acquiredSize()).as("connections out of the pool")
                .isZero();
    }
}
