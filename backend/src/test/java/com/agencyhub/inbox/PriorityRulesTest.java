package com.agencyhub.inbox;

import com.agencyhub.guidelines.SlaConditions;
import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityRulesTest {

    private static final List<SlaPolicy> POLICIES = List.of(
            policy(SlaPolicy.Priority.LOW, new SlaConditions(List.of("google-business-profile"),
                    List.of(InteractionKind.REVIEW), List.of())),
            policy(SlaPolicy.Priority.CRITICAL, new SlaConditions(List.of(), List.of(), List.of("Lawyer", "recall"))),
            policy(SlaPolicy.Priority.HIGH, new SlaConditions(List.of("instagram"), List.of(InteractionKind.COMMENT,
                    InteractionKind.DIRECT_MESSAGE), List.of())),
            policy(SlaPolicy.Priority.NORMAL, SlaConditions.NONE));

    @Test
    void everyNonEmptyListMustMatchAndTheMostUrgentMatchWins() {
        assertThat(match("instagram", InteractionKind.COMMENT, "nice")).contains(SlaPolicy.Priority.HIGH);
        // keywords match case-insensitively, and critical beats high
        assertThat(match("instagram", InteractionKind.COMMENT, "my LAWYER will call")).contains(SlaPolicy.Priority.CRITICAL);
        assertThat(match("google-business-profile", InteractionKind.REVIEW, "ok")).contains(SlaPolicy.Priority.LOW);
        // the platform matches, the kind does not
        assertThat(match("google-business-profile", InteractionKind.COMMENT, "ok")).isEmpty();
        assertThat(match("instagram", InteractionKind.MENTION, "ok")).isEmpty();
    }

    @Test
    void aPolicyWithoutConditionsMatchesNothingByItself() {
        assertThat(PriorityRules.match(List.of(policy(SlaPolicy.Priority.CRITICAL, SlaConditions.NONE)),
                item("instagram", InteractionKind.COMMENT, "anything"))).isEmpty();
    }

    private static Optional<SlaPolicy.Priority> match(String channel, InteractionKind kind, String text) {
        return PriorityRules.match(POLICIES, item(channel, kind, text));
    }

    private static ReportedInteraction item(String channel, InteractionKind kind, String text) {
        return new ReportedInteraction(channel, "x-1", kind, null, text, null, Instant.parse("2026-11-27T16:30:00Z"),
                null, null);
    }

    private static SlaPolicy policy(SlaPolicy.Priority priority, SlaConditions conditions) {
        return new SlaPolicy(priority, 60, 240, SlaPolicy.Clock.BUSINESS, conditions);
    }
}
