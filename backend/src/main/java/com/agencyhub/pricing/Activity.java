package com.agencyhub.pricing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An activity time is booked and planned for. The {@code key} is stable (tools and quotes name activities by it), the
 * name and position may change; an archived activity ({@code archivedAt} set) keeps its booked time and rates but
 * takes no new bookings.
 */
public record Activity(ActivityId id, String key, String name, int position, Instant archivedAt, int version,
                       Instant createdAt, Instant updatedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("key", key);
        snapshot.put("name", name);
        snapshot.put("position", position);
        snapshot.put("archived", archived());
        return snapshot;
    }
}
