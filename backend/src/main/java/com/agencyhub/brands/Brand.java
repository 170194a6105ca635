package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client brand of an agency. */
public record Brand(BrandId id, BrandSettings settings, BrandStatus status, Instant createdAt, Instant updatedAt,
                    int version) {

    public BrandRef ref() {
        return new BrandRef(id, settings.name(), settings.zone(), status, settings.holidayRegion());
    }

    /** The brand's state as the audit trail records it. */
    Map<String, Object> snapshot() {
        return snapshotWith(settings);
    }

    /** The brand's state as the audit trail records it, once {@code changed} settings are stored. */
    Map<String, Object> snapshotWith(BrandSettings changed) {
        Map<String, Object> snapshot = new LinkedHashMap<>(changed.snapshot());
        snapshot.put("status", status.value());
        return snapshot;
    }
}
