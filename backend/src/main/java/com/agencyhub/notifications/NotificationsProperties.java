package com.agencyhub.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of notification delivery (docs/configuration.md).
 *
 * @param mailFrom           the sender of notification e-mails
 * @param workerEnabled      whether this instance runs the delivery worker (any number of instances may)
 * @param workerInterval     time between the worker's rounds
 * @param batchSize          deliveries one round claims per agency
 * @param lease              how long a claimed delivery belongs to the worker that claimed it; after that it is due
 *                           again (its worker died); longer than a send can take ({@code sendTimeout})
 * @param sendTimeout        how long one SMTP or webhook send may take
 * @param maxAttempts        attempts before a delivery gives up
 * @param backoff            the wait after the first failed attempt; doubles with each further one
 * @param maxBackoff         the longest wait between attempts
 * @param allowPlainHttpWebhooks whether webhook URLs may use plain http (local receivers in tests and the dev stack)
 * @param allowPrivateWebhookTargets whether webhooks may be delivered to loopback, private and link-local addresses
 *                           (local receivers in tests); otherwise only to public ones
 */
@ConfigurationProperties("agencyhub.notifications")
public record NotificationsProperties(String mailFrom, Boolean workerEnabled, Duration workerInterval, Integer batchSize,
                                      Duration lease, Duration sendTimeout, Integer maxAttempts, Duration backoff,
                                      Duration maxBackoff, Boolean allowPlainHttpWebhooks,
                                      Boolean allowPrivateWebhookTargets) {

    public NotificationsProperties {
        mailFrom = mailFrom == null ? "AgencyHub <notifications@agencyhub.localhost>" : mailFrom;
        workerEnabled = workerEnabled == null || workerEnabled;
        workerInterval = workerInterval == null ? Duration.ofSeconds(5) : workerInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(20) : sendTimeout;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        allowPlainHttpWebhooks = allowPlainHttpWebhooks != null && allowPlainHttpWebhooks;
        allowPrivateWebhookTargets = allowPrivateWebhookTargets != null && allowPrivateWebhookTargets;
        if (lease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("agencyhub.notifications.lease must be at least twice the send-timeout, "
                    + "or a slow send could be claimed and sent again by another instance");
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: doubling, capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = backoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
