package com.agencyhub.brands.internal;

import com.agencyhub.shared.Caches;
import com.agencyhub.brands.RenderedBrand;
import com.agencyhub.shared.TenantId;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Brands' JSON ({@link BrandJson}) by version, so that reading a brand or a page of brands asks PostgreSQL only for
 * the versions and assembles the JSON of just the brands that changed since. A version names exactly one document:
 * every change of a brand or its channels counts it up, as its ETag promises (a client holding the ETag gets a 304
 * for it, so a cached document is no staler than what HTTP caches already keep). Nothing needs to be evicted on
 * change, on this instance or another: a new version simply misses.
 *
 * <p>The agency is part of the key, and only brands the reading statement returned (RLS and the caller's scope
 * applied) are looked up. Client users' documents (without the notes) are kept apart from staff's. Hits and misses
 * are metrics ({@code cache.gets{cache="rendered-brands"}}).
 */
@Component
class RenderedBrandCache {

    /**
     * At most this many bytes of JSON (and per-entry overhead) in the 128 MB heap: about 10,000 brands of a typical
     * size, the most-read ones kept.
     */
    private static final long MAX_WEIGHT = 8L << 20;
    private static final int ENTRY_OVERHEAD = 160;

    /** With the version in the key, a hit is a document at the version asked for; older ones age out by weight. */
    private record Key(TenantId agency, UUID brand, boolean withNotes, int version) {
    }

    private final Cache<Key, RenderedBrand> documents;

    RenderedBrandCache(MeterRegistry metrics) {
        this.documents = CaffeineCacheMetrics.monitor(metrics, Caches.upkeepOnCallersThread()
                .maximumWeight(MAX_WEIGHT)
                .<Key, RenderedBrand>weigher((key, document) -> ENTRY_OVERHEAD + document.json().length)
                .recordStats()
                .build(), "rendered-brands");
    }

    /** The brand's document at {@code version}, or null if the cache has none at that version. */
    RenderedBrand get(TenantId agency, UUID brand, boolean withNotes, int version) {
        return documents.getIfPresent(new Key(agency, brand, withNotes, version));
    }

    void put(TenantId agency, UUID brand, boolean withNotes, RenderedBrand document) {
        documents.put(new Key(agency, brand, withNotes, document.version()), document);
    }
}
