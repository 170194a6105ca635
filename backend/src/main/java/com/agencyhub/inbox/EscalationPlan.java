package com.agencyhub.inbox;

import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.EscalationTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the escalation scheduler does for one interaction at one instant (docs/notifications.md, "Escalation"): for
 * each running clock, the breach to record once it is due, the steps of the chain whose time has come and that were
 * not taken yet (each once, in order), and when to look again. Pure: no Spring, no I/O.
 *
 * <p>A step at {@code p} percent of the target fires when {@code (100 - p)} percent of the target is left before the
 * due time, counted in calendar minutes back from it; a step {@code m} minutes after the breach fires {@code m}
 * minutes after the due time. Each clock follows the whole chain: the first-response clock while no one answered,
 * the resolution clock until the item is resolved.
 *
 * @param breaches the clocks whose breach to record now
 * @param steps    the steps to take now, in time order per clock
 * @param nextLook when something is next due; null when nothing is left for the running clocks
 */
public record EscalationPlan(List<EscalationClock.Metric> breaches, List<Step> steps, Instant nextLook) {

    /** Step {@code index} of the chain, taken for the clock {@code metric}, due at {@code firesAt}. */
    public record Step(EscalationClock.Metric metric, int index, EscalationStep step, Instant firesAt) {

        /** Before the due time a step warns; after it, the item is late. */
        public boolean afterBreach() {
            return step.trigger().at() == EscalationTrigger.At.AFTER_BREACH;
        }
    }

    public EscalationPlan {
        breaches = List.copyOf(breaches);
        steps = List.copyOf(steps);
    }

    public static EscalationPlan at(Instant now, List<EscalationClock> clocks, List<EscalationStep> chain) {
        List<EscalationClock.Metric> breaches = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Instant next = null;
        for (EscalationClock clock : clocks) {
            if (!clock.running()) {
                continue;
            }
            if (!clock.breachRecorded()) {
                if (clock.dueAt().isAfter(now)) {
                    next = earliest(next, clock.dueAt());
                } else {
                    breaches.add(clock.metric());
                }
            }
            for (int index = clock.stepsTaken(); index < chain.size(); index++) {
                Instant firesAt = firesAt(chain.get(index).trigger(), clock.dueAt(), clock.targetMinutes());
                if (firesAt.isAfter(now)) {
                    next = earliest(next, firesAt);
                    break;
                }
                steps.add(new Step(clock.metric(), index, chain.get(index), firesAt));
            }
        }
        return new EscalationPlan(breaches, steps, next);
    }

    static Instant firesAt(EscalationTrigger trigger, Instant dueAt, int targetMinutes) {
        return switch (trigger.at()) {
            case PERCENT_OF_TARGET -> dueAt.minus(Duration.ofSeconds(targetMinutes * 60L * (100 - trigger.value()) / 100));
            case AFTER_BREACH -> dueAt.plus(Duration.ofMinutes(trigger.value()));
        };
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
