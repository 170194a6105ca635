package com.agencyhub.tenancy;

public enum AgencyStatus {
    ACTIVE, SUSPENDED;

    public String value() {
        return name().toLowerCase();
    }

    public static AgencyStatus of(String value) {
        return valueOf(value.toUpperCase());
    }
}
