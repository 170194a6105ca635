package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaPolicy;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The priority an interaction gets from the SLA policies' conditions: a policy matches when each of its non-empty
 * lists matches (the channel among its platforms, the kind among its kinds, one of its keywords in the text,
 * case-insensitively); of the matching policies the most urgent wins. A policy without conditions matches nothing by
 * itself: it applies when a tool gives its priority, or as the fallback normal.
 */
public final class PriorityRules {

    private PriorityRules() {
    }

    public static Optional<SlaPolicy.Priority> match(List<SlaPolicy> policies, ReportedInteraction item) {
        String text = item.text().toLowerCase(Locale.ROOT);
        return policies.stream()
                .filter(policy -> hasConditions(policy.conditions()) && matches(policy.conditions(), item, text))
                .map(SlaPolicy::priority)
                .min(Comparator.naturalOrder()); // CRITICAL is the first constant, the most urgent
    }

    private static boolean hasConditions(SlaConditions conditions) {
        return !conditions.platforms().isEmpty() || !conditions.kinds().isEmpty() || !conditions.keywords().isEmpty();
    }

    private static boolean matches(SlaConditions conditions, ReportedInteraction item, String lowerText) {
        return (conditions.platforms().isEmpty() || conditions.platforms().contains(item.channel()))
                && (conditions.kinds().isEmpty() || conditions.kinds().contains(item.kind()))
                && (conditions.keywords().isEmpty() || conditions.keywords().stream()
                .anyMatch(keyword -> lowerText.contains(keyword.toLowerCase(Locale.ROOT))));
    }
}
