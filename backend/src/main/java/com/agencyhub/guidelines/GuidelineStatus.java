package com.agencyhub.guidelines;

/** A version is a draft while it is written and published, hence immutable, from then on. */
public enum GuidelineStatus {
    DRAFT, PUBLISHED;

    public String value() {
        return name().toLowerCase();
    }

    public static GuidelineStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
