package com.agencyhub.calendar;

import com.agencyhub.shared.Slugs;

/** Who a post in review waits for: the agency's own reviewers, or the client. */
public enum ReviewStage {
    INTERNAL, CLIENT;

    public String value() {
        return Slugs.of(this);
    }

    public static ReviewStage of(String value) {
        return value == null ? null : Slugs.parse(ReviewStage.class, value);
    }
}
