package com.agencyhub.brands;

/** What a brand needs before it may go live. Each later module answers its own through a {@link ReadinessCheck}. */
public enum ReadinessRequirement {
    /** The strategy module: an approved strategy. */
    APPROVED_STRATEGY,
    /** The guidelines module: published guidelines acknowledged by the brand's assigned staff. */
    GUIDELINES_ACKNOWLEDGED,
    /** The roster module: the roster covers the brand's required windows for the next 4 weeks. */
    ROSTER_COVERAGE,
    /** The hours module: an active contract. */
    ACTIVE_CONTRACT,
    /** The members module: at least one responsible member and one deputy. */
    RESPONSIBLE_AND_DEPUTY;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }
}
