package com.agencyhub.members.internal;

import com.agencyhub.shared.Caches;
import com.agencyhub.members.MembersProperties;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.DatabaseNotifications;
import com.agencyhub.shared.security.MemberAccess.Grant;
import com.github.benmanes.caffeine.cache.AsyncCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Recent callers' grants, so that most requests need no member lookup. Trusted only while this instance listens
 * for changes: the member tables' triggers send {@value #CHANNEL} notifications with "agency:person" when roles,
 * status or brand scope change, on whichever instance, and the grant is evicted here as soon as the change is
 * committed. While not listening (at start, after a lost connection) every request reads the records.
 *
 * <p>Hits and misses are metrics ({@code cache.gets{cache="member-grants"}}).
 *
 * <p>A grant being read when its eviction arrives is not kept either (Caffeine drops a loading entry that is
 * invalidated), so a read that began before a change cannot put the old grant back. Only grants are kept;
 * refusals are read every time.
 */
@Component
class GrantCache implements DatabaseNotifications.Listener {

    static final String CHANNEL = "member_access";

    private static final Logger log = LoggerFactory.getLogger(GrantCache.class);

    private record Key(TenantId agency, UserId person) {
    }

    private final AsyncCache<Key, Grant> grants;
    private final boolean enabled;
    private volatile boolean trusted;

    GrantCache(MembersProperties properties, MeterRegistry metrics) {
        this.enabled = properties.cacheGrants();
        this.grants = CaffeineCacheMetrics.monitor(metrics, Caches.upkeepOnCallersThread()
                .maximumSize(properties.grantCacheSize())
                .expireAfterWrite(Duration.ofMinutes(10))
                .recordStats()
                .buildAsync(), "member-grants");
    }

    /** The person's grant from the cache, or from {@code records} (and then kept, if there is one). */
    Mono<Grant> grant(TenantId agency, UserId person, Supplier<Mono<Grant>> records) {
        if (!trusted) {
            return records.get();
        }
        // one read for concurrent requests of the same person; a request that goes away does not cancel it
        return Mono.fromFuture(grants.get(new Key(agency, person), (key, executor) -> records.get().toFuture()), true);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void notified(String payload) {
        int separator = payload.indexOf(':');
        try {
            grants.synchronous().invalidate(new Key(new TenantId(UUID.fromString(payload.substring(0, separator))),
                    new UserId(UUID.fromString(payload.substring(separator + 1)))));
        } catch (RuntimeException malformed) {
            log.warn("Unexpected {} notification '{}': forgetting every grant", CHANNEL, payload);
            grants.synchronous().invalidateAll();
        }
    }

    @Override
    public void listening() {
        grants.synchronous().invalidateAll();
        trusted = enabled;
    }

    @Override
    public void deaf() {
        trusted = false;
        grants.synchronous().invalidateAll();
    }
}
