package com.agencyhub.shared;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Builders for the caches that requests read on every call (tokens, grants, rate limits, brands). */
public final class Caches {

    private Caches() {
    }

    /**
     * A Caffeine builder whose upkeep (draining the buffer of recorded reads, evicting, expiring) runs on the thread
     * that reads or writes, a few microseconds now and then, instead of being handed to the common fork-join pool: on
     * the request path every few dozen reads woke a pool thread for it, a thread switch each on a 2-core machine that
     * the event loops need.
     */
    public static Caffeine<Object, Object> upkeepOnCallersThread() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
