package com.agencyhub.calendar;

/** What someone does to a post's workflow; {@link PostWorkflow} decides whether it may and what follows. */
public enum PostAction {
    SUBMIT, APPROVE, REQUEST_CHANGES, REJECT, HOLD, RESUME, SCHEDULE, CANCEL;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static PostAction of(String value) {
        return valueOf(value.toUpperCase().replace('-', '_'));
    }
}
