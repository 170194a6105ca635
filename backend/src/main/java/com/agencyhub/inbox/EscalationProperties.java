package com.agencyhub.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the escalation scheduler (docs/configuration.md).
 *
 * @param enabled  whether this instance runs the scheduler (any number of instances may)
 * @param interval time between rounds: how late, at most, a step fires
 * @param batch    items one round looks at; the next round takes the rest
 */
@ConfigurationProperties("agencyhub.inbox.escalation")
public record EscalationProperties(Boolean enabled, Duration interval, Integer batch) {

    public EscalationProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        batch = batch == null ? 200 : batch;
    }
}
