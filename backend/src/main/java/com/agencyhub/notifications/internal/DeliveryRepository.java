package com.agencyhub.notifications.internal;

import com.agencyhub.notifications.Notification.Delivery;
import com.agencyhub.notifications.NotificationWebhook;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.NOTIFICATION;
import static com.agencyhub.jooq.Tables.NOTIFICATION_DELIVERY;
import static com.agencyhub.jooq.Tables.NOTIFICATION_WEBHOOK;

/**
 * The outbox's deliveries: written with their notification, claimed by workers with a lease, and closed with their
 * outcome. A worker's outcome counts only while its claim is the current one, so a worker whose lease ran out (and
 * whose delivery another worker claimed since) cannot overwrite what the other recorded.
 */
@Repository
public class DeliveryRepository {

    private static final int LONGEST_ERROR = 1000;

    /** A delivery due at {@code due}: to {@code email}, or to {@code webhook}; the other is null. */
    public Mono<Void> insert(DSLContext sql, TenantId tenant, UUID notification, String email, UUID webhook,
                             Instant due) {
        return Mono.from(sql.insertInto(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.TENANT_ID, tenant.value())
                .set(NOTIFICATION_DELIVERY.ID, UUID.randomUUID())
                .set(NOTIFICATION_DELIVERY.NOTIFICATION_ID, notification)
                .set(NOTIFICATION_DELIVERY.CHANNEL, Slugs.of(email != null ? Delivery.Channel.EMAIL
                        : Delivery.Channel.WEBHOOK))
                .set(NOTIFICATION_DELIVERY.EMAIL, email)
                .set(NOTIFICATION_DELIVERY.WEBHOOK_ID, webhook)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, due)).then();
    }

    /** The agencies with deliveries due at {@code now}; as the platform role, which sees only these three columns. */
    public Flux<TenantId> agenciesWithDueDeliveries(DSLContext platform, Instant now, int limit) {
        return Flux.from(platform.selectDistinct(NOTIFICATION_DELIVERY.TENANT_ID).from(NOTIFICATION_DELIVERY)
                        .where(NOTIFICATION_DELIVERY.STATUS.eq("pending"))
                        .and(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                        .limit(DSL.inline(limit)))
                .map(row -> new TenantId(row.value1()));
    }

    /**
     * Claims up to {@code limit} of the agency's due deliveries for {@code claim}: rows another transaction is
     * claiming are skipped, and each claimed one counts an attempt and is due again only when the lease ends.
     */
    public Mono<List<ClaimedDelivery>> claim(DSLContext sql, TenantId tenant, UUID claim, Instant now, Instant leaseEnd,
                                             int limit) {
        return Flux.from(sql.select(NOTIFICATION_DELIVERY.ID).from(NOTIFICATION_DELIVERY)
                        .where(NOTIFICATION_DELIVERY.TENANT_ID.eq(tenant.value()))
                        .and(NOTIFICATION_DELIVERY.STATUS.eq("pending"))
                        .and(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                        .orderBy(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT)
                        .limit(DSL.inline(limit))
                        .forUpdate().skipLocked())
                .map(row -> row.value1())
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<ClaimedDelivery>of()) : Mono.from(
                                sql.update(NOTIFICATION_DELIVERY)
                                        .set(NOTIFICATION_DELIVERY.CLAIM_ID, claim)
                                        .set(NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.ATTEMPTS.plus(1))
                                        .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, leaseEnd)
                                        .set(NOTIFICATION_DELIVERY.UPDATED_AT, now)
                                        .where(NOTIFICATION_DELIVERY.TENANT_ID.eq(tenant.value()))
                                        .and(NOTIFICATION_DELIVERY.ID.in(ids)))
                        .then(claimed(sql, tenant, claim)));
    }

    private Mono<List<ClaimedDelivery>> claimed(DSLContext sql, TenantId tenant, UUID claim) {
        return Flux.from(sql.select(NOTIFICATION_DELIVERY.ID, NOTIFICATION_DELIVERY.ATTEMPTS,
                                NOTIFICATION_DELIVERY.CHANNEL, NOTIFICATION_DELIVERY.EMAIL, NOTIFICATION_WEBHOOK.URL,
                                NOTIFICATION.SUBJECT, NOTIFICATION.BODY, NOTIFICATION.REASON)
                        .from(NOTIFICATION_DELIVERY)
                        .join(NOTIFICATION).on(NOTIFICATION.TENANT_ID.eq(NOTIFICATION_DELIVERY.TENANT_ID)
                                .and(NOTIFICATION.ID.eq(NOTIFICATION_DELIVERY.NOTIFICATION_ID)))
                        .leftJoin(NOTIFICATION_WEBHOOK).on(NOTIFICATION_WEBHOOK.TENANT_ID.eq(NOTIFICATION_DELIVERY.TENANT_ID)
                                .and(NOTIFICATION_WEBHOOK.ID.eq(NOTIFICATION_DELIVERY.WEBHOOK_ID)))
                        .where(NOTIFICATION_DELIVERY.TENANT_ID.eq(tenant.value()))
                        .and(NOTIFICATION_DELIVERY.CLAIM_ID.eq(claim)))
                .map(row -> new ClaimedDelivery(tenant, row.value1(), claim, row.value2(),
                        Slugs.parse(Delivery.Channel.class, row.value3()), row.value4(), row.value5(), row.value6(),
                        row.value7(), row.value8()))
                .collectList();
    }

    /** Records that the claimed delivery was sent; false when the claim is no longer current. */
    public Mono<Boolean> recordSent(DSLContext sql, ClaimedDelivery delivery, Instant now) {
        return Mono.from(sql.update(NOTIFICATION_DELIVERY)
                        .set(NOTIFICATION_DELIVERY.STATUS, "sent")
                        .set(NOTIFICATION_DELIVERY.SENT_AT, now)
                        .set(NOTIFICATION_DELIVERY.CLAIM_ID, (UUID) null)
                        .set(NOTIFICATION_DELIVERY.LAST_ERROR, (String) null)
                        .set(NOTIFICATION_DELIVERY.UPDATED_AT, now)
                        .where(current(delivery)))
                .map(updated -> updated == 1);
    }

    /**
     * Gives a claimed delivery back without an attempt (its worker stops before sending): due again at {@code now},
     * the claim's attempt not counted. False when the claim is no longer current.
     */
    public Mono<Boolean> release(DSLContext sql, ClaimedDelivery delivery, Instant now) {
        return Mono.from(sql.update(NOTIFICATION_DELIVERY)
                        .set(NOTIFICATION_DELIVERY.CLAIM_ID, (UUID) null)
                        .set(NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.ATTEMPTS.minus(1))
                        .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, now)
                        .set(NOTIFICATION_DELIVERY.UPDATED_AT, now)
                        .where(current(delivery)))
                .map(updated -> updated == 1);
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or given up for good when that is null. False when the
     * claim is no longer current.
     */
    public Mono<Boolean> recordFailure(DSLContext sql, ClaimedDelivery delivery, Instant now, String error,
                                       Instant retryAt) {
        var update = sql.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, error.length() > LONGEST_ERROR
                        ? error.substring(0, LONGEST_ERROR) : error)
                .set(NOTIFICATION_DELIVERY.CLAIM_ID, (UUID) null)
                .set(NOTIFICATION_DELIVERY.UPDATED_AT, now);
        var next = retryAt == null
                ? update.set(NOTIFICATION_DELIVERY.STATUS, "failed")
                : update.set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, retryAt);
        return Mono.from(next.where(current(delivery))).map(updated -> updated == 1);
    }

    private static org.jooq.Condition current(ClaimedDelivery delivery) {
        return NOTIFICATION_DELIVERY.TENANT_ID.eq(delivery.tenant().value())
                .and(NOTIFICATION_DELIVERY.ID.eq(delivery.id()))
                .and(NOTIFICATION_DELIVERY.CLAIM_ID.eq(delivery.claim()))
                .and(NOTIFICATION_DELIVERY.STATUS.eq("pending"));
    }

    /** The deliveries of the notifications, by notification, in the order they were made. */
    public Mono<Map<UUID, List<Delivery>>> ofNotifications(DSLContext sql, TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.from(sql.select(NOTIFICATION_DELIVERY.asterisk(), NOTIFICATION_WEBHOOK.NAME, NOTIFICATION_WEBHOOK.URL)
                        .from(NOTIFICATION_DELIVERY)
                        .leftJoin(NOTIFICATION_WEBHOOK).on(NOTIFICATION_WEBHOOK.TENANT_ID.eq(NOTIFICATION_DELIVERY.TENANT_ID)
                                .and(NOTIFICATION_WEBHOOK.ID.eq(NOTIFICATION_DELIVERY.WEBHOOK_ID)))
                        .where(NOTIFICATION_DELIVERY.TENANT_ID.eq(tenant.value()))
                        .and(NOTIFICATION_DELIVERY.NOTIFICATION_ID.in(ids))
                        .orderBy(NOTIFICATION_DELIVERY.CREATED_AT, NOTIFICATION_DELIVERY.CHANNEL,
                                NOTIFICATION_DELIVERY.ID))
                .collect(Collectors.groupingBy(row -> row.get(NOTIFICATION_DELIVERY.NOTIFICATION_ID),
                        Collectors.mapping(DeliveryRepository::delivery, Collectors.toList())));
    }

    private static Delivery delivery(Record row) {
        Delivery.Channel channel = Slugs.parse(Delivery.Channel.class, row.get(NOTIFICATION_DELIVERY.CHANNEL));
        Delivery.Status status = Slugs.parse(Delivery.Status.class, row.get(NOTIFICATION_DELIVERY.STATUS));
        String target = channel == Delivery.Channel.EMAIL ? row.get(NOTIFICATION_DELIVERY.EMAIL)
                : row.get(NOTIFICATION_WEBHOOK.URL) == null ? "a removed webhook"
                : row.get(NOTIFICATION_WEBHOOK.NAME) + " (" + NotificationWebhook.preview(row.get(NOTIFICATION_WEBHOOK.URL)) + ")";
        return new Delivery(row.get(NOTIFICATION_DELIVERY.ID), channel, target, status,
                row.get(NOTIFICATION_DELIVERY.ATTEMPTS),
                status == Delivery.Status.PENDING ? row.get(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT) : null,
                row.get(NOTIFICATION_DELIVERY.SENT_AT), row.get(NOTIFICATION_DELIVERY.LAST_ERROR));
    }
}
