package com.agencyhub.shared.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Background work done in rounds (the notification worker, the escalation scheduler): one round every interval
 * while the application runs, never two of the same instance at once, a failed round logged and the next one tried.
 * Rounds must be safe with several instances running them at the same time (they claim rows with
 * {@code FOR UPDATE SKIP LOCKED}). Tests turn the loop off and call {@link #runRound} themselves.
 * <p>
 * On shutdown no new round starts; a round in flight finishes before the job counts as stopped (Spring waits for it
 * up to {@code spring.lifecycle.timeout-per-shutdown-phase}, while the web server lets its requests finish). A round
 * asks {@link #stopping()} to cut itself short: take no further work and hand back what it took but did not start.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    /** Stopped together with the web server's graceful shutdown, so both drain in the same 20 s. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;
    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private final Scheduler timer;
    private final AtomicReference<Runnable> whenStopped = new AtomicReference<>();
    private volatile Sinks.One<Boolean> stopRequest;
    private volatile Disposable loop;
    private volatile boolean stopping;

    protected PeriodicJob(String name, boolean enabled, Duration interval) {
        this(name, enabled, interval, Schedulers.parallel());
    }

    PeriodicJob(String name, boolean enabled, Duration interval, Scheduler timer) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
        this.timer = timer;
    }

    /** One round as of {@code now}: everything due then. Emits how many items it handled. */
    public abstract Mono<Integer> runRound(Instant now);

    /** Whether the job was asked to stop: a round in flight then takes no further work. */
    protected final boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        stopping = false;
        if (!enabled) {
            log.info("{} is turned off: no rounds run in this instance", name);
            return;
        }
        Sinks.One<Boolean> request = Sinks.one();
        stopRequest = request;
        loop = Flux.interval(interval, interval, timer)
                // ends the ticks, not the round in flight: concatMap completes after it
                .takeUntilOther(request.asMono())
                .onBackpressureDrop()
                // a tick queued while the last round ran starts nothing once the application stops
                .concatMap(tick -> stopping ? Mono.<Integer>empty() : runRound(Instant.now())
                        .onErrorResume(failure -> {
                            log.warn("{}: a round failed, the next one tries again: {}", name, failure.toString());
                            return Mono.empty();
                        }), 1)
                .doFinally(signal -> stopped())
                .subscribe();
    }

    @Override
    public void stop(Runnable callback) {
        stopping = true;
        if (loop == null) {
            callback.run();
            return;
        }
        whenStopped.set(callback);
        stopRequest.tryEmitValue(true);
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    private void stopped() {
        loop = null;
        Runnable callback = whenStopped.getAndSet(null);
        if (callback != null) {
            log.info("{} stopped", name);
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
