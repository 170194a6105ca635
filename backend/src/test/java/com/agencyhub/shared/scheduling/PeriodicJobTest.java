package com.agencyhub.shared.scheduling;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown of a periodic job, on virtual time: a round in flight finishes before the job counts as stopped, no round
 * starts after the stop, and the round in flight sees that it should stop taking work.
 */
class PeriodicJobTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Sinks.One<Integer>> rounds = new ArrayList<>();
    private final List<Boolean> stoppingSeenAtTheEnd = new ArrayList<>();
    private final PeriodicJob job = new PeriodicJob("The test job", true, INTERVAL, time) {
        @Override
        public Mono<Integer> runRound(Instant now) {
            Sinks.One<Integer> round = Sinks.one();
            rounds.add(round);
            return round.asMono().doOnNext(handled -> stoppingSeenAtTheEnd.add(stopping()));
        }
    };

    @Test
    void aRoundInFlightFinishesBeforeTheJobStopsAndNoRoundStartsAfterTheStop() {
        job.start();
        time.advanceTimeBy(INTERVAL);
        assertThat(rounds).as("a round is running").hasSize(1);
        assertThat(job.getPhase()).as("drains with the web server").isEqualTo(PeriodicJob.PHASE);

        AtomicBoolean stopped = new AtomicBoolean();
        job.stop(() -> stopped.set(true));
        time.advanceTimeBy(INTERVAL.multipliedBy(10));

        assertThat(stopped).as("still waiting for the round in flight").isFalse();
        assertThat(job.isRunning()).isTrue();
        assertThat(rounds).as("no new round after the stop").hasSize(1);

        rounds.get(0).tryEmitValue(3);

        assertThat(stopped).isTrue();
        assertThat(job.isRunning()).isFalse();
        assertThat(stoppingSeenAtTheEnd).as("the round could cut itself short").containsExactly(true);
        time.advanceTimeBy(INTERVAL.multipliedBy(10));
        assertThat(rounds).hasSize(1);
    }

    @Test
    void anIdleJobStopsAtOnceAndAStartedAgainJobRunsRounds() {
        job.start();
        time.advanceTimeBy(INTERVAL);
        rounds.get(0).tryEmitValue(0);

        AtomicBoolean stopped = new AtomicBoolean();
        job.stop(() -> stopped.set(true));

        assertThat(stopped).isTrue();
        assertThat(job.isRunning()).isFalse();
        time.advanceTimeBy(INTERVAL.multipliedBy(3));
        assertThat(rounds).hasSize(1);

        job.start();
        time.advanceTimeBy(INTERVAL);
        assertThat(rounds).hasSize(2);
        rounds.get(1).tryEmitValue(0);
        assertThat(stoppingSeenAtTheEnd).containsExactly(false, false);
    }

    @Test
    void aFailedRoundDoesNotEndTheLoop() {
        job.start();
        time.advanceTimeBy(INTERVAL);
        rounds.get(0).tryEmitError(new IllegalStateException("database gone"));
        time.advanceTimeBy(INTERVAL);

        assertThat(rounds).hasSize(2);
        assertThat(job.isRunning()).isTrue();
    }

    /** In real time, with ticks queued while the round waits: the round finishes, uncancelled, and is the only one. */
    @Test
    void aTickQueuedWhileTheLastRoundRanStartsNothingAfterTheStop() throws InterruptedException {
        CountDownLatch roundStarted = new CountDownLatch(1);
        Sinks.Empty<Void> roundMayEnd = Sinks.empty();
        AtomicInteger rounds = new AtomicInteger();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean toldToStop = new AtomicBoolean();
        PeriodicJob job = new PeriodicJob("A test job", true, Duration.ofMillis(10)) {
            @Override
            public Mono<Integer> runRound(Instant now) {
                rounds.incrementAndGet();
                roundStarted.countDown();
                return roundMayEnd.asMono()
                        .then(Mono.fromCallable(() -> {
                            toldToStop.set(stopping());
                            finished.set(true);
                            return 1;
                        }))
                        .doOnCancel(() -> cancelled.set(true));
            }
        };
        job.start();
        assertThat(roundStarted.await(10, TimeUnit.SECONDS)).isTrue();

        CountDownLatch stopped = new CountDownLatch(1);
        job.stop(stopped::countDown);
        assertThat(stopped.getCount()).as("stopped while a round runs").isEqualTo(1);
        assertThat(job.isRunning()).isTrue();
        roundMayEnd.tryEmitEmpty();

        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("stopped once the round ended").isTrue();
        assertThat(finished).isTrue();
        assertThat(cancelled).isFalse();
        assertThat(toldToStop).as("the round knew it should take no more work").isTrue();
        assertThat(rounds).hasValue(1);
        assertThat(job.isRunning()).isFalse();
    }
}
