package com.agencyhub.inbox;

import java.time.Instant;

/**
 * One SLA clock of an interaction as the escalation scheduler sees it: whether it still runs, when it is due, its
 * target, whether its breach is recorded, and how many steps of the escalation chain were taken for it.
 */
public record EscalationClock(Metric metric, boolean running, Instant dueAt, int targetMinutes, boolean breachRecorded,
                              int stepsTaken) {

    public enum Metric {
        FIRST_RESPONSE, RESOLUTION
    }
}
