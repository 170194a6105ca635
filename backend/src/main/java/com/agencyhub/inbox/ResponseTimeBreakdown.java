package com.agencyhub.inbox;

/** The groupings of a report: every one is computed in the same statement (a grouping set each). */
public enum ResponseTimeBreakdown {
    TOTAL, WINDOW_CLASS, CHANNEL, PRIORITY, KIND, WEEK, WEEKDAY_HOUR, RESPONDER, BRAND
}
