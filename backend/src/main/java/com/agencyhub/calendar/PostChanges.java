package com.agencyhub.calendar;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.List;

/**
 * A partial change of a post's plan: null leaves a property as it is; an empty {@code pillar} or {@code campaign}
 * clears it, and {@code unassign} removes the assignee.
 */
public record PostChanges(String title, String body, List<PostVariant> variants, String pillar, Instant plannedAt,
                          UserId assignee, boolean unassign, List<String> labels, String campaign) {

    public PostPlan applyTo(PostPlan current) {
        return new PostPlan(title != null ? title : current.title(), body != null ? body : current.body(),
                variants != null ? variants : current.variants(), cleared(pillar, current.pillar()),
                plannedAt != null ? plannedAt : current.plannedAt(),
                unassign ? null : assignee != null ? assignee : current.assignee(), labels != null ? labels : current.labels(),
                cleared(campaign, current.campaign()));
    }

    private static String cleared(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isEmpty() ? null : change;
    }
}
