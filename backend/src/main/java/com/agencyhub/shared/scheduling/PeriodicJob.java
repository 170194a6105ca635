package com.agencyhub.shared.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;

/**
 * Background work done in rounds (the notification worker, the escalation scheduler): one round every interval
 * while the application runs, never two of the same instance at once, a failed round logged and the next one tried.
 * Rounds must be safe with several instances running them at the same time (they claim rows with
 * {@code FOR UPDATE SKIP LOCKED}). Tests turn the loop off and call {@link #runRound} themselves.
 * <p>
 * When the application shuts down, no further round starts, and the round in flight takes no more work
 * ({@link #stopping()}) but finishes what it took: cancelling it could cut a delivery after the receiver accepted it
 * and before its outcome is recorded, and the delivery would be sent again when its lease ends.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private volatile Disposable loop;
    private volatile Sinks.One<Boolean> stopSignal;
    private volatile Runnable whenStopped;
    private volatile boolean stopping;

    protected PeriodicJob(String name, boolean enabled, Duration interval) {
        this.name = name;
        this.enabled = enabled;
        this.interval = interval;
    }

    /** One round as of {@code now}: everything due then. Emits how many items it handled. */
    public abstract Mono<Integer> runRound(Instant now);

    @Override
    public void start() {
        if (!enabled) {
            log.info("{} is turned off: no rounds run in this instance", name);
            return;
        }
        stopping = false;
        Sinks.One<Boolean> stop = Sinks.one();
        stopSignal = stop;
        loop = Flux.interval(interval, interval)
                .takeUntilOther(stop.asMono())
                .onBackpressureDrop()
                // a tick queued while the last round ran starts nothing once the application stops
                .concatMap(tick -> stopping ? Mono.<Integer>empty() : runRound(Instant.now())
                        .onErrorResume(failure -> {
                            log.warn("{}: a round failed, the next one tries again: {}", name, failure.toString());
                            return Mono.empty();
                        }), 1)
                .doFinally(signal -> {
                    loop = null;
                    Runnable callback = whenStopped;
                    whenStopped = null;
                    if (callback != null) {
                        callback.run();
                    }
                })
                .subscribe();
    }

    /** True once the application stops: a round in flight takes no more work and finishes what it took. */
    protected boolean stopping() {
        return stopping;
    }

    /** Starts no further round and calls {@code callback} when the round in flight has finished. */
    @Override
    public void stop(Runnable callback) {
        if (loop == null) {
            callback.run();
            return;
        }
        stopping = true;
        whenStopped = callback;
        stopSignal.tryEmitValue(true);
    }

    /** Stops at once, cancelling the round in flight. */
    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
            loop = null;
        }
    }

    /**
     * Stops together with the web server's graceful shutdown, so that the round in flight and the requests in flight
     * share one shutdown phase ({@code spring.lifecycle.timeout-per-shutdown-phase}) instead of taking one each.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
