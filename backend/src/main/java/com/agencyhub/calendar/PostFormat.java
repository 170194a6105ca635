package com.agencyhub.calendar;

/** The shape a variant takes on its platform. */
public enum PostFormat {
    POST, STORY, REEL, SHORT_VIDEO, ARTICLE, LIVE, OTHER;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static PostFormat of(String value) {
        return valueOf(value.toUpperCase().replace('-', '_'));
    }
}
