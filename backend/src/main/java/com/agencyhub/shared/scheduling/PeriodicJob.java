package com.agencyhub.shared.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Background work done in rounds (the notification worker, the escalation scheduler): one round every interval
 * while the application runs, never two of the same instance at once, a failed round logged and the next one tried.
 * Rounds must be safe with several instances running them at the same time (they claim rows with
 * {@code FOR UPDATE SKIP LOCKED}). Tests turn the loop off and call {@link #runRound} themselves.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final boolean enabled;
    private final Duration interval;
    private volatile Disposable loop;

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
        loop = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> runRound(Instant.now())
                        .onErrorResume(failure -> {
                            log.warn("{}: a round failed, the next one tries again: {}", name, failure.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
