package com.agencyhub.notifications;

import com.agencyhub.notifications.Notification.Delivery.Channel;
import com.agencyhub.notifications.internal.ClaimedDelivery;
import com.agencyhub.notifications.internal.DeliveryRepository;
import com.agencyhub.notifications.internal.EmailSender;
import com.agencyhub.notifications.internal.WebhookSender;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends what the outbox holds (docs/notifications.md, "Delivery"). A round finds the agencies with due deliveries (as
 * the platform role, which sees only which agency has what due), then, in each agency's own scope, claims a batch
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, sends each claimed delivery outside any transaction, and records
 * the outcome under the claim: sent; or failed, due again after a doubling backoff; or given up after the last
 * attempt. Several instances can run rounds at once: a row is claimed by one of them, and a delivery whose worker
 * died is due again when its lease ends.
 */
@Component
@EnableConfigurationProperties(NotificationsProperties.class)
public class DeliveryWorker extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Agencies one round serves; the next round takes the rest. */
    private static final int AGENCIES_PER_ROUND = 100;
    /** Further tries to record an outcome when the database connection fails. */
    private static final int RECORD_RETRIES = 2;
    /** Sends in flight at once in one round. */
    private static final int CONCURRENT_SENDS = 8;

    private final DeliveryRepository deliveries;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final Transactions transactions;
    private final NotificationsProperties properties;

    DeliveryWorker(DeliveryRepository deliveries, EmailSender email, WebhookSender webhooks, Transactions transactions,
                   NotificationsProperties properties) {
        super("The notification delivery worker", properties.workerEnabled(), properties.workerInterval());
        this.deliveries = deliveries;
        this.email = email;
        this.webhooks = webhooks;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Claims, sends and records everything due at {@code now}; emits how many deliveries it attempted. */
    @Override
    public Mono<Integer> runRound(Instant now) {
        return transactions.asPlatform(sql -> deliveries.agenciesWithDueDeliveries(sql, now, AGENCIES_PER_ROUND)
                        .collectList())
                .flatMapMany(Flux::fromIterable)
                // an instance that stops claims nothing more, and sends and records what it claimed
                .concatMap(tenant -> stopping() ? Flux.<ClaimedDelivery>empty() : claim(tenant, now))
                .flatMap(delivery -> attempt(delivery, now), CONCURRENT_SENDS)
                .count()
                .map(Long::intValue);
    }

    /** Claims a batch of the agency's due deliveries; committed before anything is sent. */
    Mono<List<ClaimedDelivery>> claimBatch(TenantId tenant, Instant now) {
        return transactions.inTenant(tenant, sql -> deliveries.claim(sql, tenant, UUID.randomUUID(), now,
                now.plus(properties.lease()), properties.batchSize()));
    }

    private Flux<ClaimedDelivery> claim(TenantId tenant, Instant now) {
        return claimBatch(tenant, now).flatMapMany(Flux::fromIterable);
    }

    /**
     * Sends one delivery and records how it went. A failure to record leaves the delivery to its lease: due again when
     * the lease ends (a send that succeeded is then sent again; see docs/notifications.md, "Guarantees").
     */
    private Mono<Boolean> attempt(ClaimedDelivery delivery, Instant now) {
        Mono<Void> sending = delivery.channel() == Channel.EMAIL ? email.send(delivery) : webhooks.send(delivery);
        return sending.materialize()
                .flatMap(outcome -> (outcome.isOnError()
                        ? recordFailure(delivery, now, outcome.getThrowable())
                        : transactions.inTenant(delivery.tenant(), sql -> deliveries.recordSent(sql, delivery, now)))
                        // recording is safe to repeat (it counts only under the claim), and a lost record means a
                        // second send after the lease: worth another connection or two
                        .retry(RECORD_RETRIES))
                .doOnNext(current -> {
                    if (!current) {
                        log.warn("Delivery {} outlived its lease: another worker claimed it since", delivery.id());
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("Delivery {}: its outcome could not be recorded; due again when its lease ends: {}",
                            delivery.id(), failure.toString());
                    return Mono.just(false);
                });
    }

    private Mono<Boolean> recordFailure(ClaimedDelivery delivery, Instant now, Throwable failure) {
        boolean hopeless = delivery.channel() == Channel.WEBHOOK && delivery.webhookUrl() == null;
        boolean lastAttempt = delivery.attempt() >= properties.maxAttempts();
        Instant retryAt = hopeless || lastAttempt ? null : now.plus(properties.backoffAfter(delivery.attempt()));
        String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        log.info("Delivery {} attempt {} failed ({}); {}", delivery.id(), delivery.attempt(), error,
                retryAt == null ? "giving up" : "next attempt at " + retryAt);
        return transactions.inTenant(delivery.tenant(),
                sql -> deliveries.recordFailure(sql, delivery, now, error, retryAt));
    }
}
