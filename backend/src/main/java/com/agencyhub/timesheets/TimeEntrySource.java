package com.agencyhub.timesheets;

/** How an entry was made; stored and shown as its slug (manual, timer, duty, adjustment). */
public enum TimeEntrySource {
    MANUAL, TIMER, DUTY, ADJUSTMENT
}
