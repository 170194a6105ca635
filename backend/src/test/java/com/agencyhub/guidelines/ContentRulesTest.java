package com.agencyhub.guidelines;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContentRulesTest {

    private static final SlaPolicy NORMAL = new SlaPolicy(SlaPolicy.Priority.NORMAL, 60, 480, SlaPolicy.Clock.BUSINESS,
            SlaConditions.NONE);

    @Test
    void oneAnswerNamesEveryBrokenRule() {
        GuidelineContent content = new GuidelineContent(List.of("de-DE", "de-de"), List.of(),
                List.of(new SlaPolicy(SlaPolicy.Priority.HIGH, 120, 60, SlaPolicy.Clock.CALENDAR, SlaConditions.NONE),
                        new SlaPolicy(SlaPolicy.Priority.HIGH, 30, 60, SlaPolicy.Clock.CALENDAR, SlaConditions.NONE)),
                List.of(), ApprovalMode.INTERNAL);

        assertThat(fields(content)).containsExactly("languages[1]", "slaPolicies[0].resolutionMinutes",
                "slaPolicies[1].priority", "slaPolicies");
    }

    @Test
    void escalationStepsRunStrictlyForwardInTimeWithPercentagesBeforeTheBreach() {
        assertThatCode(() -> ContentRules.require(escalation(step(EscalationTrigger.At.PERCENT_OF_TARGET, 50),
                step(EscalationTrigger.At.PERCENT_OF_TARGET, 100), step(EscalationTrigger.At.AFTER_BREACH, 1))))
                .doesNotThrowAnyException();
        assertThat(fields(escalation(step(EscalationTrigger.At.AFTER_BREACH, 5),
                step(EscalationTrigger.At.PERCENT_OF_TARGET, 90)))).containsExactly("escalation[1].trigger");
        assertThat(fields(escalation(step(EscalationTrigger.At.PERCENT_OF_TARGET, 80),
                step(EscalationTrigger.At.PERCENT_OF_TARGET, 80)))).containsExactly("escalation[1].trigger");
        assertThat(fields(escalation(step(EscalationTrigger.At.PERCENT_OF_TARGET, 101))))
                .containsExactly("escalation[0].trigger.value");
    }

    private static GuidelineContent escalation(EscalationStep... steps) {
        return new GuidelineContent(List.of(), List.of(), List.of(NORMAL), List.of(steps), ApprovalMode.INTERNAL);
    }

    private static EscalationStep step(EscalationTrigger.At at, int value) {
        return new EscalationStep(new EscalationTrigger(at, value), EscalationStep.Recipient.DEPUTY,
                EscalationStep.Channel.EMAIL);
    }

    private static List<String> fields(GuidelineContent content) {
        return catchThrowableOfType(ApiProblem.class, () -> ContentRules.require(content)).violations().stream()
                .map(FieldViolation::field).toList();
    }
}
