package com.agencyhub.guidelines;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a draft's content must keep, checked as a whole so that one answer names every invalid field.
 * The contract states the same limits; they are checked here again for callers that do not come through it.
 */
final class ContentRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_TARGET_MINUTES = 43_200;
    static final int MAX_AFTER_BREACH_MINUTES = 10_080;

    private final List<FieldViolation> violations = new ArrayList<>();

    private ContentRules() {
    }

    /** 400 with every violation, or nothing. */
    static void require(GuidelineContent content) {
        ContentRules rules = new ContentRules();
        rules.languages(content.languages());
        rules.sections(content.sections());
        rules.policies(content.slaPolicies());
        rules.escalation(content.escalation());
        if (!rules.violations.isEmpty()) {
            throw ApiProblem.validation(rules.violations);
        }
    }

    private void languages(List<String> languages) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            if (!seen.add(languages.get(i).toLowerCase())) {
                add("languages[" + i + "]", "appears more than once", "duplicate");
            }
        }
    }

    private void sections(List<GuidelineSection> sections) {
        for (int i = 0; i < sections.size(); i++) {
            GuidelineSection section = sections.get(i);
            if (section.title().isBlank() || section.title().length() > MAX_TITLE) {
                add("sections[" + i + "].title", "must have 1 to " + MAX_TITLE + " characters", "size");
            }
            if (section.body().length() > MAX_BODY) {
                add("sections[" + i + "].body", "must have at most " + MAX_BODY + " characters", "size");
            }
        }
    }

    private void policies(List<SlaPolicy> policies) {
        Set<SlaPolicy.Priority> seen = EnumSet.noneOf(SlaPolicy.Priority.class);
        for (int i = 0; i < policies.size(); i++) {
            SlaPolicy policy = policies.get(i);
            String field = "slaPolicies[" + i + "]";
            if (!seen.add(policy.priority())) {
                add(field + ".priority", "appears more than once", "duplicate");
            }
            boolean firstResponseValid = minutes(field + ".firstResponseMinutes", policy.firstResponseMinutes());
            if (minutes(field + ".resolutionMinutes", policy.resolutionMinutes()) && firstResponseValid
                    && policy.resolutionMinutes() < policy.firstResponseMinutes()) {
                add(field + ".resolutionMinutes", "must be at least firstResponseMinutes", "range");
            }
            List<String> keywords = policy.conditions().keywords();
            for (int k = 0; k < keywords.size(); k++) {
                if (keywords.get(k).isBlank()) {
                    add(field + ".conditions.keywords[" + k + "]", "must not be blank", "blank");
                }
            }
        }
        if (!seen.contains(SlaPolicy.Priority.NORMAL)) {
            add("slaPolicies", "needs a policy for priority normal", "required");
        }
    }

    private boolean minutes(String field, int minutes) {
        if (minutes < 1 || minutes > MAX_TARGET_MINUTES) {
            add(field, "must be between 1 and " + MAX_TARGET_MINUTES, "range");
            return false;
        }
        return true;
    }

    private void escalation(List<EscalationStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            EscalationTrigger trigger = steps.get(i).trigger();
            int max = trigger.at() == EscalationTrigger.At.PERCENT_OF_TARGET ? 100 : MAX_AFTER_BREACH_MINUTES;
            if (trigger.value() < 1 || trigger.value() > max) {
                add("escalation[" + i + "].trigger.value", "must be between 1 and " + max, "range");
            } else if (i > 0 && EscalationTrigger.IN_TIME_ORDER.compare(steps.get(i - 1).trigger(), trigger) >= 0) {
                add("escalation[" + i + "].trigger", "must come after the step before it", "order");
            }
        }
    }

    private void add(String field, String message, String code) {
        violations.add(new FieldViolation(field, message, code));
    }
}
