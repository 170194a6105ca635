package com.agencyhub.members;

import java.util.Arrays;

/** Invited until the first signed-in request; deactivated members keep their history but lose access. */
public enum MemberStatus {
    INVITED("invited"),
    ACTIVE("active"),
    DEACTIVATED("deactivated");

    private final String value;

    MemberStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static MemberStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown member status " + value));
    }
}
