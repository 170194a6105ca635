package com.agencyhub.calendar;

/**
 * Who approves a brand's posts before they go out: nobody (submitting approves), the agency, or the agency and then
 * the client.
 */
public enum ApprovalMode {
    NONE, INTERNAL, INTERNAL_THEN_CLIENT;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ApprovalMode of(String value) {
        return valueOf(value.toUpperCase().replace('-', '_'));
    }
}
