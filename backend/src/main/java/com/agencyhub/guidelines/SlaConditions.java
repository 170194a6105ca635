package com.agencyhub.guidelines;

import java.util.List;

/**
 * When an interaction gets a policy's priority: each non-empty list must match one of its entries (keywords
 * case-insensitively in the text). All empty: no conditions, as for the fallback priority {@code normal}.
 */
public record SlaConditions(List<String> platforms, List<InteractionKind> kinds, List<String> keywords) {

    public static final SlaConditions NONE = new SlaConditions(List.of(), List.of(), List.of());

    public SlaConditions {
        platforms = List.copyOf(platforms);
        kinds = List.copyOf(kinds);
        keywords = List.copyOf(keywords);
    }

    public enum InteractionKind {
        COMMENT, DIRECT_MESSAGE, MENTION, REVIEW, OTHER
    }
}
