package com.agencyhub.shared.web.ratelimit;

import com.agencyhub.shared.db.DatabaseUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets (Bucket4j) whose state lives in PostgreSQL, so that every backend instance draws from the same
 * buckets. Bucket4j's JDBC access blocks: it runs on the bounded elastic scheduler, through a small pool of its own
 * as the application role.
 *
 * <p>Large limits (the per-caller and per-agency ones) are drawn locally in batches of up to 2 % of their capacity
 * and synchronised with PostgreSQL when a batch is used up or half a second has passed (Bucket4j's "delaying"
 * optimisation): most requests then need no database round trip, and several instances together may exceed such a
 * limit by at most 2 % each. Small limits (invitations, exports) are drawn from PostgreSQL every time, exactly.
 */
@Component
class RateLimiter implements DisposableBean {

    /** One bucket to draw a request from: its key and its limit. */
    record Draw(String key, RateLimitProperties.Limit limit) {
    }

    /** The outcome: refused with how long until a retry may pass, or allowed with what remains of the first bucket. */
    record Verdict(boolean allowed, long limit, long remaining, Duration untilRefill) {
    }

    private static final long SYNC_SHARE = 50; // a local batch is 1/50 of the capacity
    private static final Duration SYNC_AFTER = Duration.ofMillis(500);

    private final HikariDataSource buckets;
    private final ProxyManager<String> proxies;
    private final Cache<String, BucketProxy> recent = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimiter(R2dbcProperties database, RateLimitProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("rate-limits");
        config.setJdbcUrl(database.getUrl().replaceFirst("^r2dbc:", "jdbc:"));
        config.setUsername(database.getUsername());
        config.setPassword(database.getPassword());
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1); // a database that is down at start is a 503 per request, not a crash
        config.setConnectionTimeout(Duration.ofSeconds(2).toMillis()); // fail fast: a 503, not a hung request
        this.buckets = new HikariDataSource(config);
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(buckets)
                .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofDays(1)))
                .build();
    }

    /**
     * Draws one token from each bucket in order, stopping at the first that refuses: the refusal, or else the first
     * bucket's verdict. One hop to the bounded elastic scheduler for all buckets of a request.
     */
    Mono<Verdict> draw(List<Draw> draws) {
        return Mono.fromCallable(() -> verdict(draws)).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(failure -> new DatabaseUnavailableException("rate limits", failure));
    }

    private Verdict verdict(List<Draw> draws) {
        Verdict first = null;
        for (Draw draw : draws) {
            ConsumptionProbe probe = probe(draw);
            Verdict verdict = new Verdict(probe.isConsumed(), draw.limit().capacity(), probe.getRemainingTokens(),
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
            if (!verdict.allowed()) {
                return verdict;
            }
            first = first == null ? verdict : first;
        }
        return first;
    }

    private ConsumptionProbe probe(Draw draw) {
        return recent.get(draw.key(), key -> bucket(key, draw.limit())).tryConsumeAndReturnRemaining(1);
    }

    private BucketProxy bucket(String key, RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()))
                .build();
        long batch = limit.capacity() / SYNC_SHARE;
        RemoteBucketBuilder<String> builder = proxies.builder();
        if (batch >= 1) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(batch, SYNC_AFTER)));
        }
        return builder.build(key, () -> configuration);
    }

    @Override
    public void destroy() {
        buckets.close();
    }
}
