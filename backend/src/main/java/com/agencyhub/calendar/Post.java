package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A planned post of a brand with where it stands. {@code zone} is the brand's, for showing the planned time as the
 * brand's audience sees it (posts as stored have none yet: {@link Posts} adds it). {@code publishedAt} and {@code url} are set once published; {@code lastFailure} is the
 * reason the last publishing attempt failed, if it did.
 */
public record Post(PostId id, BrandId brand, ZoneId zone, PostPlan plan, PostWorkflow.State state,
                   boolean shownToClient, int contentVersion, Instant publishedAt, URI url, String lastFailure,
                   Instant createdAt, Instant updatedAt, int version) {

    public Post inZone(ZoneId brandZone) {
        return new Post(id, brand, brandZone, plan, state, shownToClient, contentVersion, publishedAt, url,
                lastFailure, createdAt, updatedAt, version);
    }

    public PostStatus status() {
        return state.status();
    }

    /**
     * Whether client users of the brand see the post: once it reached them (their review, or approved and beyond),
     * from then on, also while the agency reworks it.
     */
    public boolean clientVisible() {
        return shownToClient;
    }
}
