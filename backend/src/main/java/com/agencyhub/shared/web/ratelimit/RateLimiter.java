package com.agencyhub.shared.web.ratelimit;

import com.agencyhub.shared.Caches;
import com.agencyhub.shared.db.DatabaseUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets (Bucket4j) whose state lives in PostgreSQL, so that every backend instance draws from the same
 * buckets. Bucket4j's JDBC access blocks: it runs on the bounded elastic scheduler, through a small pool of its own
 * as the application role.
 *
 * <p>Large limits (the per-caller and per-agency ones) are taken from PostgreSQL in batches of 2 % of their capacity
 * and spent in memory: most requests then neither wait for the database nor leave the event loop. The shared bucket
 * is never exceeded; an instance may hold up to one batch unspent, so near the limit a caller may be refused up to
 * 2 % early per instance. When a whole batch is no longer there, tokens are taken one by one. Small limits
 * (invitations, exports) are drawn from PostgreSQL every time, exactly.
 */
@Component
class RateLimiter implements DisposableBean {

    /** One bucket to draw a request from: its key and its limit. */
    record Draw(String key, RateLimitProperties.Limit limit) {
    }

    /** The outcome: refused with how long until a retry may pass, or allowed with what remains of the first bucket. */
    record Verdict(boolean allowed, long limit, long remaining, Duration untilRefill) {
    }

    private static final long BATCH_SHARE = 50; // a batch is 1/50 of the capacity

    private final HikariDataSource buckets;
    private final ProxyManager<String> proxies;
    private final Cache<String, BucketProxy> recent = Caches.upkeepOnCallersThread()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Allowance> allowances = Caches.upkeepOnCallersThread()
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
     * bucket's verdict. Answered at once when every bucket has tokens in memory; otherwise the rest is drawn on the
     * bounded elastic scheduler.
     */
    Mono<Verdict> draw(List<Draw> draws) {
        List<Verdict> verdicts = new ArrayList<>(draws.size());
        for (Draw draw : draws) {
            Verdict spent = spend(draw);
            if (spent == null) {
                return Mono.fromCallable(() -> drawShared(draws, verdicts)).subscribeOn(Schedulers.boundedElastic())
                        .onErrorMap(failure -> new DatabaseUnavailableException("rate limits", failure));
            }
            verdicts.add(spent);
        }
        return Mono.just(verdicts.get(0));
    }

    /** Draws the buckets after those already in {@code verdicts}, from PostgreSQL where memory has no tokens. */
    private Verdict drawShared(List<Draw> draws, List<Verdict> verdicts) {
        for (int i = verdicts.size(); i < draws.size(); i++) {
            Draw draw = draws.get(i);
            Verdict spent = spend(draw);
            Verdict verdict = spent != null ? spent : take(draw);
            if (!verdict.allowed()) {
                return verdict;
            }
            verdicts.add(verdict);
        }
        return verdicts.get(0);
    }

    /** A token from the tokens this instance holds for the bucket; null when it holds none. */
    private Verdict spend(Draw draw) {
        Allowance allowance = allowances.getIfPresent(draw.key());
        return allowance == null ? null : allowance.spend(draw.limit().capacity());
    }

    /** Takes a batch from the shared bucket (one token of it for this request), or else a single token. Blocks. */
    private Verdict take(Draw draw) {
        BucketProxy bucket = recent.get(draw.key(), key -> bucket(key, draw.limit()));
        long capacity = draw.limit().capacity();
        long batch = capacity / BATCH_SHARE;
        if (batch > 1) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(batch);
            if (probe.isConsumed()) {
                Allowance allowance = new Allowance(batch - 1, probe);
                allowances.put(draw.key(), allowance);
                return allowance.verdict(capacity, batch - 1);
            }
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), capacity, probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private BucketProxy bucket(String key, RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()))
                .build();
        return proxies.builder().build(key, () -> configuration);
    }

    /** Tokens taken from a shared bucket and not spent yet, with what the bucket said when they were taken. */
    private static final class Allowance {

        private final AtomicLong left;
        private final long remainingInBucket;
        private final Duration untilRefill;

        Allowance(long tokens, ConsumptionProbe probe) {
            this.left = new AtomicLong(tokens);
            this.remainingInBucket = probe.getRemainingTokens();
            this.untilRefill = Duration.ofNanos(probe.getNanosToWaitForRefill());
        }

        Verdict spend(long capacity) {
            long stillLeft = left.decrementAndGet();
            return stillLeft < 0 ? null : verdict(capacity, stillLeft);
        }

        Verdict verdict(long capacity, long stillLeft) {
            return new Verdict(true, capacity, remainingInBucket + stillLeft, untilRefill);
        }
    }

    @Override
    public void destroy() {
        buckets.close();
    }
}
