package com.agencyhub.inbox;

import java.time.Instant;

/** Where an SLA clock stands. */
public enum ClockState {
    /** Not stopped, and not yet due. */
    RUNNING,
    /** The resolution clock while the item waits for the customer, paused before its due time. */
    PAUSED,
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

    /** As {@link #of(Instant, Instant, Instant)}, for a clock paused since {@code pausedSince} (null: not paused). */
    public static ClockState of(Instant due, Instant stopped, Instant pausedSince, Instant now) {
        if (pausedSince != null) {
            return pausedSince.isBefore(due) ? PAUSED : BREACHED;
        }
        return of(due, stopped, now);
    }
}
