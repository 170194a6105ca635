package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An iCalendar feed of one brand ({@code brand}) or of one staff member ({@code assignee}), never both: of planned
 * posts (the brand's, or those assigned to the member) or of monitoring shifts (the brand's roster, or the member's
 * shifts across brands). It shows what its {@code owner} may see at the time it is read. Its secret is not part of
 * it: only the secret's hash is kept, and the secret is shown once, at creation.
 */
public record CalendarFeed(CalendarFeedId id, UserId owner, BrandId brand, UserId assignee, FeedContent content,
                           String label, Instant createdAt, Instant revokedAt, Instant lastReadAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The feed as the audit trail records it (never the secret). */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("label", label);
        snapshot.put("content", Slugs.of(content));
        snapshot.put("ownerId", owner.toString());
        if (brand != null) {
            snapshot.put("brandId", brand.toString());
        } else {
            snapshot.put("assigneeId", assignee.toString());
        }
        if (revokedAt != null) {
            snapshot.put("revokedAt", revokedAt.toString());
        }
        return snapshot;
    }
}
