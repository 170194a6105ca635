package com.agencyhub.calendar;

import com.agencyhub.shared.Slugs;

/** What someone does to a post's workflow; {@link PostWorkflow} decides whether it may and what follows. */
public enum PostAction {
    SUBMIT, APPROVE, REQUEST_CHANGES, REJECT, HOLD, RESUME, SCHEDULE, CANCEL;

    public String value() {
        return Slugs.of(this);
    }

    public static PostAction of(String value) {
        return Slugs.parse(PostAction.class, value);
    }
}
