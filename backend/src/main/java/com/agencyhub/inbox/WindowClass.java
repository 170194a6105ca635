package com.agencyhub.inbox;

/** Where an interaction's arrival fell. */
public enum WindowClass {
    /** In the coverage windows of the strategy version in force. */
    INSIDE,
    /** Outside them, but someone was on duty in the roster. */
    COVERED,
    /** Outside them and nobody on duty. */
    UNCOVERED
}
