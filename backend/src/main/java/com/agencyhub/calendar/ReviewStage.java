package com.agencyhub.calendar;

/** Who a post in review waits for: the agency's own reviewers, or the client. */
public enum ReviewStage {
    INTERNAL, CLIENT;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ReviewStage of(String value) {
        return value == null ? null : valueOf(value.toUpperCase().replace('-', '_'));
    }
}
