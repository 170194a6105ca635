package com.agencyhub.members;

import java.util.Arrays;

/** A staff member's part in a brand's team: looks after it, or stands in during sickness and vacation. */
public enum Responsibility {
    RESPONSIBLE("responsible"),
    DEPUTY("deputy");

    private final String value;

    Responsibility(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Responsibility of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown responsibility " + value));
    }
}
