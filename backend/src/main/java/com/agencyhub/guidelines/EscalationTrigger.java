package com.agencyhub.guidelines;

import java.util.Comparator;

/** When an escalation step fires: at {@code value} percent of the SLA target, or {@code value} minutes after its breach. */
public record EscalationTrigger(At at, int value) {

    /** Earliest first: every point before the breach comes before every point after it. */
    public static final Comparator<EscalationTrigger> IN_TIME_ORDER =
            Comparator.comparing(EscalationTrigger::at).thenComparingInt(EscalationTrigger::value);

    /** In time order: keep {@code PERCENT_OF_TARGET} first. */
    public enum At {
        PERCENT_OF_TARGET, AFTER_BREACH
    }
}
