package com.agencyhub.calendar;

import com.agencyhub.shared.Slugs;

/** The shape a variant takes on its platform. */
public enum PostFormat {
    POST, STORY, REEL, SHORT_VIDEO, ARTICLE, LIVE, OTHER;

    public String value() {
        return Slugs.of(this);
    }

    public static PostFormat of(String value) {
        return Slugs.parse(PostFormat.class, value);
    }
}
