package com.agencyhub.calendar;

/** Where a post stands in its workflow (docs/content-calendar.md). Published and cancelled posts are final. */
public enum PostStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, ON_HOLD, CANCELLED;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static PostStatus of(String value) {
        return valueOf(value.toUpperCase().replace('-', '_'));
    }

    public boolean isFinal() {
        return this == PUBLISHED || this == CANCELLED;
    }
}
