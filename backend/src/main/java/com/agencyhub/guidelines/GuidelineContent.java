package com.agencyhub.guidelines;

import java.util.List;
import java.util.Optional;

/**
 * What a guidelines version says: the languages the brand is answered in, its sections, the SLA policy of
 * each priority and the escalation chain. {@link ContentRules} decides what is valid.
 */
public record GuidelineContent(List<String> languages, List<GuidelineSection> sections, List<SlaPolicy> slaPolicies,
                               List<EscalationStep> escalation) {

    /** What a brand's first draft starts from. */
    public static final GuidelineContent EMPTY = new GuidelineContent(List.of(), List.of(), List.of(), List.of());

    public GuidelineContent {
        languages = List.copyOf(languages);
        sections = List.copyOf(sections);
        slaPolicies = List.copyOf(slaPolicies);
        escalation = List.copyOf(escalation);
    }

    public Optional<SlaPolicy> policyFor(SlaPolicy.Priority priority) {
        return slaPolicies.stream().filter(policy -> policy.priority() == priority).findFirst();
    }
}
