package com.agencyhub.shared.web.ratelimit;

import com.agencyhub.testsupport.db.PostgresBootstrap;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import reactor.core.Fuseable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two limiters on the run's database stand for two backend instances. A large limit, spent from batches held in
 * memory, is never exceeded across both and gives way at most one batch per instance early; a small one is exact.
 */
class RateLimiterTest {

    @Test
    void aLargeLimitHoldsAcrossInstancesAndMostDrawsNeedNoDatabase() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(500, Duration.ofHours(1)); // batches of 10
        List<RateLimiter> instances = List.of(limiter(), limiter());
        String key = "test:" + UUID.randomUUID();

        int allowed = 0;
        int answeredAtOnce = 0;
        for (int i = 0; i < 600; i++) {
            var verdict = instances.get(i % 2).draw(List.of(new RateLimiter.Draw(key, limit)));
            answeredAtOnce += verdict instanceof Fuseable.ScalarCallable<?> ? 1 : 0; // Mono.just: no scheduler, no database
            if (verdict.block().allowed()) {
                allowed++;
            }
        }

        assertThat(allowed).as("never above the limit, at most one batch per instance below")
                .isBetween(500 - 2 * 10, 500);
        assertThat(answeredAtOnce).as("draws answered from memory, without the database").isGreaterThan(400);
        instances.forEach(RateLimiter::destroy);
    }

    @Test
    void aSmallLimitIsExactAcrossInstances() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(7, Duration.ofHours(1));
        List<RateLimiter> instances = List.of(limiter(), limiter());
        String key = "test:" + UUID.randomUUID();

        long allowed = IntStream.range(0, 12)
                .filter(i -> instances.get(i % 2).draw(List.of(new RateLimiter.Draw(key, limit))).block().allowed())
                .count();

        assertThat(allowed).isEqualTo(7);
        instances.forEach(RateLimiter::destroy);
    }

    private static RateLimiter limiter() {
        R2dbcProperties database = new R2dbcProperties();
        database.setUrl(TestDatabase.get().migrated().r2dbcUrl());
        database.setUsername(PostgresBootstrap.APP);
        database.setPassword(TestDatabase.APP_PASSWORD);
        return new RateLimiter(database, new RateLimitProperties(null, null, null, null, null, null));
    }
}
