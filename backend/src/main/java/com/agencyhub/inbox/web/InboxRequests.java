package com.agencyhub.inbox.web;

import com.agencyhub.api.model.InteractionInputDto;
import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.InteractionLifecycle;
import com.agencyhub.inbox.ReportedInteraction;
import com.agencyhub.inbox.Sentiment;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.shared.web.Inputs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reported items as the inbox takes them: the contract's schema has checked types, sizes and patterns; this adds what
 * a schema cannot say (a plausible arrival, not in the future beyond {@link InteractionLifecycle#SKEW}; a web address).
 * Every bad field of every item is named ({@code items[3].receivedAt}), and one bad item refuses the delivery.
 */
final class InboxRequests {

    private InboxRequests() {
    }

    static List<ReportedInteraction> items(String prefix, List<InteractionInputDto> inputs) {
        Instant now = Instant.now();
        List<FieldViolation> violations = new ArrayList<>();
        List<ReportedInteraction> items = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String at = prefix == null ? "" : prefix + "[" + i + "].";
            items.add(item(at, inputs.get(i), now, violations));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.validation(violations);
        }
        return items;
    }

    private static ReportedInteraction item(String at, InteractionInputDto input, Instant now,
                                            List<FieldViolation> violations) {
        Instant received = input.getReceivedAt().toInstant();
        try {
            received = Inputs.plausible(at + "receivedAt", input.getReceivedAt());
        } catch (ApiProblem refused) {
            violations.addAll(refused.violations());
        }
        if (received.isAfter(now.plus(InteractionLifecycle.SKEW))) {
            violations.add(new FieldViolation(at + "receivedAt", "must not lie in the future", "range"));
        }
        if (input.getLink() != null && !Inputs.isWebAddress(input.getLink())) {
            violations.add(new FieldViolation(at + "link", "must be an absolute http or https URL", "url"));
        }
        return new ReportedInteraction(input.getChannel(), input.getExternalId(),
                Slugs.parse(InteractionKind.class, input.getKind().getValue()), input.getAuthorHandle(),
                input.getText() == null ? "" : input.getText(),
                input.getLink(), received,
                input.getPriority() == null ? null : Slugs.parse(SlaPolicy.Priority.class, input.getPriority().getValue()),
                input.getSentiment() == null ? null : Slugs.parse(Sentiment.class, input.getSentiment().getValue()));
    }

    /** A reported instant of a step, default now. */
    static Instant at(OffsetDateTime at) {
        return at == null ? Instant.now() : Inputs.plausible("at", at);
    }
}
