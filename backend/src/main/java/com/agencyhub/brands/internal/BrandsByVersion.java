package com.agencyhub.brands.internal;

import com.agencyhub.shared.Caches;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.Channel;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

/**
 * Brands as last read or written for an edit, by version, so that an edit naming the version its client holds
 * ({@code If-Match}) need not read the brand first: the update's own condition on that version decides whether it
 * still holds. A version names exactly one state of a brand (every change counts it up, see {@link RenderedBrandCache}),
 * so nothing is evicted on change, on this instance or another; older versions age out by weight. The agency is part of
 * the key. Hits and misses are metrics ({@code cache.gets{cache="edited-brands"}}).
 */
@Component
public class BrandsByVersion {

    /** At most about this many bytes of brands in the 128 MB heap: some thousands of brands, the last edited kept. */
    private static final long MAX_WEIGHT = 4L << 20;
    /** The records, the zone, the strings' headers and the key; each channel adds about as much again. */
    private static final int ENTRY_OVERHEAD = 400;

    private record Key(TenantId agency, BrandId brand, int version) {
    }

    private final Cache<Key, Brand> brands;

    BrandsByVersion(MeterRegistry metrics) {
        this.brands = CaffeineCacheMetrics.monitor(metrics, Caches.upkeepOnCallersThread()
                .maximumWeight(MAX_WEIGHT)
                .<Key, Brand>weigher((key, brand) -> weight(brand.settings()))
                .recordStats()
                .build(), "edited-brands");
    }

    /** The brand at {@code version}, or null if none is kept at that version. */
    public Brand get(TenantId agency, BrandId brand, int version) {
        return brands.getIfPresent(new Key(agency, brand, version));
    }

    public void put(TenantId agency, Brand brand) {
        brands.put(new Key(agency, brand.id(), brand.version()), brand);
    }

    private static int weight(BrandSettings settings) {
        int chars = length(settings.name()) + length(settings.legalName()) + length(settings.industry())
                + length(settings.notes());
        for (Channel channel : settings.channels()) {
            chars += length(channel.handle()) + length(channel.url());
        }
        return ENTRY_OVERHEAD * (1 + settings.channels().size()) + 2 * chars;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
