package com.agencyhub.inbox;

/** Where an interaction's priority came from. */
public enum PrioritySource {
    /** The reporting tool gave it. */
    GIVEN,
    /** An SLA policy's conditions matched. */
    RULE,
    /** Nothing matched: normal. */
    FALLBACK
}
