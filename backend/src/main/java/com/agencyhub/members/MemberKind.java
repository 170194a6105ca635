package com.agencyhub.members;

import java.util.Arrays;

/** Staff work for the agency; client users belong to a client and see only their brands. */
public enum MemberKind {
    STAFF("staff"),
    CLIENT("client");

    private final String value;

    MemberKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static MemberKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown member kind " + value));
    }
}
