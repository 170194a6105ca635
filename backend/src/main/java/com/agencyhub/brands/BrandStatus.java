package com.agencyhub.brands;

import java.util.EnumSet;
import java.util.Set;

/** A brand's lifecycle: onboarding → active ⇄ paused, and from any of them to offboarded, which is final. */
public enum BrandStatus {
    ONBOARDING, ACTIVE, PAUSED, OFFBOARDED;

    public String value() {
        return name().toLowerCase();
    }

    public static BrandStatus of(String value) {
        return valueOf(value.toUpperCase());
    }

    public boolean mayMoveTo(BrandStatus next) {
        return successors().contains(next);
    }

    private Set<BrandStatus> successors() {
        return switch (this) {
            case ONBOARDING -> EnumSet.of(ACTIVE, OFFBOARDED);
            case ACTIVE -> EnumSet.of(PAUSED, OFFBOARDED);
            case PAUSED -> EnumSet.of(ACTIVE, OFFBOARDED);
            case OFFBOARDED -> EnumSet.noneOf(BrandStatus.class);
        };
    }
}
