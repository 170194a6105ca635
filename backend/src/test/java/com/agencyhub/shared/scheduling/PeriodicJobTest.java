package com.agencyhub.shared.scheduling;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping application lets the round in flight finish, tells it to take no more work, and starts no other round
 * (a cancelled delivery round could leave a sent delivery to be sent again; see {@link PeriodicJob}).
 */
class PeriodicJobTest {

    @Test
    void stoppingLetsTheRoundInFlightFinishAndStartsNoOther() throws InterruptedException {
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

    @Test
    void aJobThatIsOffStopsAtOnce() {
        PeriodicJob job = new PeriodicJob("A job turned off", false, Duration.ofMillis(10)) {
            @Override
            public Mono<Integer> runRound(Instant now) {
                return Mono.just(0);
            }
        };
        job.start();
        AtomicBoolean stopped = new AtomicBoolean();

        job.stop(() -> stopped.set(true));

        assertThat(stopped).isTrue();
        assertThat(job.isRunning()).isFalse();
    }
}
