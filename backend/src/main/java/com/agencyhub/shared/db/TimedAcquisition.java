package com.agencyhub.shared.db;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection from a pool, or {@link R2dbcTimeoutException} if none comes within the limit. The timer is set only
 * when the pool has none to hand out at once. The pool's own limit ({@code maxAcquireTime}) sets and cancels a task
 * on Reactor's shared timer for every connection taken, a locked queue and often a thread woken: a few percent of a
 * one-statement request's CPU, spent on the case where nobody waits.
 *
 * <p>A connection that arrives after the caller gave up (timed out or cancelled) is closed, which returns it to the
 * pool.
 */
final class TimedAcquisition extends Mono<Connection> {

    private final Publisher<? extends Connection> acquisition;
    private final Duration limit;
    private final Scheduler timer;

    TimedAcquisition(Publisher<? extends Connection> acquisition, Duration limit, Scheduler timer) {
        this.acquisition = acquisition;
        this.limit = limit;
        this.timer = timer;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Connection> actual) {
        acquisition.subscribe(new Waiting(actual));
    }

    /** One caller's wait; the limit and the timer are the acquisition's. */
    private final class Waiting implements CoreSubscriber<Connection>, Subscription {

        private static final int WAITING = 0;
        private static final int DELIVERED = 1;
        private static final int ABANDONED = 2;

        private final CoreSubscriber<? super Connection> actual;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private Subscription upstream;
        private boolean requested;
        private volatile Disposable alarm;

        Waiting(CoreSubscriber<? super Connection> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
            if (!requested && state.get() == WAITING) {
                requested = true;
                alarm = timer.schedule(this::timedOut, limit.toNanos(), TimeUnit.NANOSECONDS);
                if (state.get() != WAITING) {
                    alarm.dispose();
                }
            }
        }

        @Override
        public void onNext(Connection connection) {
            if (state.compareAndSet(WAITING, DELIVERED)) {
                disarm();
                actual.onNext(connection);
            } else {
                Mono.from(connection.close()).subscribe(null, ignored -> { });
            }
        }

        @Override
        public void onError(Throwable error) {
            if (state.compareAndSet(WAITING, ABANDONED)) {
                disarm();
                actual.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (state.get() == DELIVERED || state.compareAndSet(WAITING, ABANDONED)) {
                disarm();
                actual.onComplete();
            }
        }

        @Override
        public void cancel() {
            if (state.compareAndSet(WAITING, ABANDONED)) {
                disarm();
                upstream.cancel();
            }
        }

        private void timedOut() {
            if (state.compareAndSet(WAITING, ABANDONED)) {
                upstream.cancel();
                String message = "No database connection became free within " + limit;
                actual.onError(new R2dbcTimeoutException(message, new TimeoutException(message)));
            }
        }

        private void disarm() {
            Disposable set = alarm;
            if (set != null) {
                set.dispose();
            }
        }
    }
}
