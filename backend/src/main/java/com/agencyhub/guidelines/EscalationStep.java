package com.agencyhub.guidelines;

/** One step of the escalation chain: when it fires, whom it notifies, and how. */
public record EscalationStep(EscalationTrigger trigger, Recipient recipient, Channel channel) {

    public enum Recipient {
        ON_DUTY_MEMBER, DEPUTY, BRAND_RESPONSIBLE, AGENCY_MANAGERS
    }

    public enum Channel {
        IN_APP, EMAIL
    }
}
