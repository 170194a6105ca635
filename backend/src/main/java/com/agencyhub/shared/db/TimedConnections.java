package com.agencyhub.shared.db;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * A connection pool whose connections are waited for at most {@code maxWait}, then {@code 503}
 * ({@link SqlErrors#isDatabaseUnavailable}): {@link TimedAcquisition}, so that taking a free connection costs no
 * timer. The pool itself is built without {@code maxAcquireTime}. Its metrics and health see the pool
 * ({@link Wrapped}). Disposing it disposes the pool (Spring Boot's bean names {@code dispose} as its destroy method).
 */
final class TimedConnections implements ConnectionFactory, Wrapped<ConnectionPool>, Disposable {

    private final ConnectionPool pool;
    private final Duration maxWait;

    TimedConnections(ConnectionPool pool, Duration maxWait) {
        this.pool = pool;
        this.maxWait = maxWait;
    }

    @Override
    public Mono<Connection> create() {
        return new TimedAcquisition(pool.create(), maxWait, Schedulers.parallel());
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionPool unwrap() {
        return pool;
    }

    @Override
    public void dispose() {
        pool.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pool.isDisposed();
    }
}
