package com.agencyhub.inbox;

import java.time.Instant;

/** Where an SLA clock stands. */
public enum ClockState {
    /** Not stopped, and not yet due. */
    RUNNING,
    /** Stopped at or before its due time. */
    FULFILLED,
    /** Stopped after its due time, or still running past it. */
    BREACHED;

    /** The state of a clock due at {@code due}, stopped at {@code stopped} (null: not yet), seen at {@code now}. */
    public static ClockState of(Instant due, Instant stopped, Instant now) {
        if (stopped != null) {
            return stopped.isAfter(due) ? BREACHED : FULFILLED;
        }
        return now.isBefore(due) ? RUNNING : BREACHED;
    }
}
