package com.agencyhub.guidelines;

import com.agencyhub.shared.Slugs;

/**
 * Who approves a brand's posts before they go out: nobody (submitting approves), the agency, or the agency and then
 * the client. Part of the brand's guidelines, so that a change is versioned and published like the rest.
 */
public enum ApprovalMode {
    NONE, INTERNAL, INTERNAL_THEN_CLIENT;

    public String value() {
        return Slugs.of(this);
    }

    public static ApprovalMode of(String value) {
        return Slugs.parse(ApprovalMode.class, value);
    }
}
