package com.agencyhub.calendar;

import com.agencyhub.shared.Slugs;

/** Where a post stands in its workflow (docs/content-calendar.md). Published and cancelled posts are final. */
public enum PostStatus {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SCHEDULED, PUBLISHED, ON_HOLD, CANCELLED;

    public String value() {
        return Slugs.of(this);
    }

    public static PostStatus of(String value) {
        return Slugs.parse(PostStatus.class, value);
    }

    public boolean isFinal() {
        return this == PUBLISHED || this == CANCELLED;
    }
}
