package com.agencyhub.calendar;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.List;

/**
 * What is planned for a post, as its editors set it. {@code pillar}, {@code assignee} and {@code campaign} may be
 * null. Title, body, variants and time are what the audience would see: changing them is a new content version.
 */
public record PostPlan(String title, String body, List<PostVariant> variants, String pillar, Instant plannedAt,
                       UserId assignee, List<String> labels, String campaign) {

    public PostPlan {
        variants = List.copyOf(variants);
        labels = List.copyOf(labels);
    }

    /** Whether the audience would see a difference between this plan and the other. */
    public boolean sameContentAs(PostPlan other) {
        return title.equals(other.title) && body.equals(other.body) && variants.equals(other.variants)
                && plannedAt.equals(other.plannedAt);
    }
}
