package com.agencyhub.inbox;

import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.EscalationTrigger;
import com.agencyhub.inbox.EscalationClock.Metric;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Worked examples of when escalation steps fire. A comment arrives at 13:20 UTC with a 60-minute first-response target
 * (due 14:20) and a 240-minute resolution target (due 17:20); the chain warns at 50 % and at 80 % and escalates 30
 * minutes after the breach.
 */
class EscalationPlanTest {

    private static final Instant RECEIVED = Instant.parse("2027-03-06T13:20:00Z");
    private static final Instant FIRST_RESPONSE_DUE = RECEIVED.plus(Duration.ofMinutes(60));
    private static final Instant RESOLUTION_DUE = RECEIVED.plus(Duration.ofMinutes(240));
    private static final List<EscalationStep> CHAIN = List.of(
            step(EscalationTrigger.At.PERCENT_OF_TARGET, 50, EscalationStep.Recipient.ON_DUTY_MEMBER),
            step(EscalationTrigger.At.PERCENT_OF_TARGET, 80, EscalationStep.Recipient.DEPUTY),
            step(EscalationTrigger.At.AFTER_BREACH, 30, EscalationStep.Recipient.AGENCY_MANAGERS));

    @Test
    void aStepAtAPercentFiresWhenTheRestOfTheTargetIsLeft() {
        EscalationPlan justBefore = EscalationPlan.at(at("13:49:59"), clocks(0, false, 0), CHAIN);
        EscalationPlan atHalf = EscalationPlan.at(at("13:50:00"), clocks(0, false, 0), CHAIN);

        assertThat(justBefore.steps()).isEmpty();
        assertThat(justBefore.nextLook()).isEqualTo(at("13:50:00"));
        assertThat(atHalf.steps()).extracting(EscalationPlan.Step::metric, EscalationPlan.Step::index,
                EscalationPlan.Step::firesAt).containsExactly(tuple(Metric.FIRST_RESPONSE, 0, at("13:50:00")));
        assertThat(atHalf.nextLook()).as("80 %: 12 minutes before the due time").isEqualTo(at("14:08:00"));
    }

    @Test
    void stepsAlreadyTakenAreNotTakenAgain() {
        EscalationPlan plan = EscalationPlan.at(at("14:00:00"), clocks(1, false, 0), CHAIN);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.breaches()).isEmpty();
        assertThat(plan.nextLook()).isEqualTo(at("14:08:00"));
    }

    @Test
    void theBreachIsRecordedOnceAndTheStepAfterItFollowsThirtyMinutesLater() {
        EscalationPlan atDue = EscalationPlan.at(FIRST_RESPONSE_DUE, clocks(2, false, 0), CHAIN);
        EscalationPlan recorded = EscalationPlan.at(FIRST_RESPONSE_DUE, clocks(2, true, 0), CHAIN);
        EscalationPlan late = EscalationPlan.at(at("14:50:00"), clocks(2, true, 0), CHAIN);

        assertThat(atDue.breaches()).containsExactly(Metric.FIRST_RESPONSE);
        assertThat(recorded.breaches()).isEmpty();
        assertThat(recorded.nextLook()).isEqualTo(at("14:50:00"));
        assertThat(late.steps()).singleElement().satisfies(step -> {
            assertThat(step.index()).isEqualTo(2);
            assertThat(step.afterBreach()).isTrue();
        });
    }

    @Test
    void stepsMissedWhileNobodyLookedAreAllTakenInOrder() {
        EscalationPlan plan = EscalationPlan.at(at("15:00:00"), clocks(0, false, 0), CHAIN);

        assertThat(plan.breaches()).containsExactly(Metric.FIRST_RESPONSE);
        assertThat(plan.steps()).extracting(EscalationPlan.Step::index).containsExactly(0, 1, 2);
    }

    @Test
    void eachClockFollowsTheChainOnItsOwnAndAStoppedClockNone() {
        List<EscalationClock> answered = List.of(
                new EscalationClock(Metric.FIRST_RESPONSE, false, FIRST_RESPONSE_DUE, 60, false, 1),
                new EscalationClock(Metric.RESOLUTION, true, RESOLUTION_DUE, 240, false, 0));

        EscalationPlan plan = EscalationPlan.at(at("15:20:00"), answered, CHAIN);

        assertThat(plan.breaches()).isEmpty();
        assertThat(plan.steps()).extracting(EscalationPlan.Step::metric, EscalationPlan.Step::firesAt)
                .containsExactly(tuple(Metric.RESOLUTION, at("15:20:00")));
        assertThat(plan.nextLook()).as("80 % of 240 minutes").isEqualTo(at("16:32:00"));
    }

    @Test
    void nothingLeftMeansNoNextLook() {
        List<EscalationClock> done = List.of(
                new EscalationClock(Metric.FIRST_RESPONSE, true, FIRST_RESPONSE_DUE, 60, true, 3),
                new EscalationClock(Metric.RESOLUTION, false, RESOLUTION_DUE, 240, false, 0));

        assertThat(EscalationPlan.at(at("23:00:00"), done, CHAIN).nextLook()).isNull();
    }

    private static List<EscalationClock> clocks(int firstResponseSteps, boolean breachRecorded, int resolutionSteps) {
        return List.of(new EscalationClock(Metric.FIRST_RESPONSE, true, FIRST_RESPONSE_DUE, 60, breachRecorded,
                        firstResponseSteps),
                new EscalationClock(Metric.RESOLUTION, true, RESOLUTION_DUE, 240, false, resolutionSteps));
    }

    private static Instant at(String utcTime) {
        return Instant.parse("2027-03-06T" + utcTime + "Z");
    }

    private static EscalationStep step(EscalationTrigger.At at, int value, EscalationStep.Recipient recipient) {
        return new EscalationStep(new EscalationTrigger(at, value), recipient, EscalationStep.Channel.EMAIL);
    }
}
