package com.agencyhub.guidelines;

import java.util.List;
import java.util.Optional;

/**
 * What a guidelines version says: the languages the brand is answered in, its sections, the SLA policy of
 * each priority, the escalation chain and who approves the brand's posts. {@link ContentRules} decides what is
 * valid. Versions stored before the approval mode existed read as {@link ApprovalMode#INTERNAL}, the rule that
 * applied to them.
 */
public record GuidelineContent(List<String> languages, List<GuidelineSection> sections, List<SlaPolicy> slaPolicies,
                               List<EscalationStep> escalation, ApprovalMode approvalMode) {

    /** What a brand's first draft starts from. */
    public static final GuidelineContent EMPTY = new GuidelineContent(List.of(), List.of(), List.of(), List.of(),
            ApprovalMode.INTERNAL);

    public GuidelineContent {
        approvalMode = approvalMode == null ? ApprovalMode.INTERNAL : approvalMode;
        languages = List.copyOf(languages);
        sections = List.copyOf(sections);
        slaPolicies = List.copyOf(slaPolicies);
        escalation = List.copyOf(escalation);
    }

    public Optional<SlaPolicy> policyFor(SlaPolicy.Priority priority) {
        return slaPolicies.stream().filter(policy -> policy.priority() == priority).findFirst();
    }
}
