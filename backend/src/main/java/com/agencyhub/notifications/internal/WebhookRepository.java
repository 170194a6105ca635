package com.agencyhub.notifications.internal;

import com.agencyhub.jooq.tables.records.NotificationWebhookRecord;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.NotificationWebhook;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.NOTIFICATION_WEBHOOK;

/** The agency's incoming webhooks. */
@Repository
public class WebhookRepository {

    public Mono<List<NotificationWebhook>> list(DSLContext sql, TenantId tenant) {
        return Flux.from(sql.selectFrom(NOTIFICATION_WEBHOOK).where(NOTIFICATION_WEBHOOK.TENANT_ID.eq(tenant.value()))
                        .orderBy(NOTIFICATION_WEBHOOK.CREATED_AT, NOTIFICATION_WEBHOOK.ID))
                .map(WebhookRepository::webhook)
                .collectList();
    }

    /** The webhooks subscribed to the topic. */
    public Mono<List<UUID>> subscribedTo(DSLContext sql, TenantId tenant, NotificationTopic topic) {
        return Flux.from(sql.select(NOTIFICATION_WEBHOOK.ID).from(NOTIFICATION_WEBHOOK)
                        .where(NOTIFICATION_WEBHOOK.TENANT_ID.eq(tenant.value()))
                        .and(DSL.val(Slugs.of(topic)).eq(DSL.any(NOTIFICATION_WEBHOOK.TOPICS))))
                .map(row -> row.value1())
                .collectList();
    }

    /** Inserts the webhook unless the agency has {@code most} already (then empty); serialised per agency. */
    public Mono<NotificationWebhook> insert(DSLContext sql, TenantId tenant, NotificationWebhook webhook, int most) {
        return Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                        DSL.val("notification-webhooks " + tenant.value())))
                .then(Mono.from(sql.selectCount().from(NOTIFICATION_WEBHOOK)
                        .where(NOTIFICATION_WEBHOOK.TENANT_ID.eq(tenant.value()))))
                .filter(count -> count.value1() < most)
                .flatMap(count -> Mono.from(sql.insertInto(NOTIFICATION_WEBHOOK)
                        .set(NOTIFICATION_WEBHOOK.TENANT_ID, tenant.value())
                        .set(NOTIFICATION_WEBHOOK.ID, webhook.id())
                        .set(NOTIFICATION_WEBHOOK.NAME, webhook.name())
                        .set(NOTIFICATION_WEBHOOK.URL, webhook.url())
                        .set(NOTIFICATION_WEBHOOK.TOPICS, webhook.topics().stream().map(Slugs::of).sorted()
                                .toArray(String[]::new))
                        .set(NOTIFICATION_WEBHOOK.CREATED_BY, webhook.createdBy().value())
                        .returning()))
                .map(WebhookRepository::webhook);
    }

    /** Removes the webhook; empty when the agency has none with that id. */
    public Mono<NotificationWebhook> delete(DSLContext sql, TenantId tenant, UUID id) {
        return Mono.from(sql.deleteFrom(NOTIFICATION_WEBHOOK)
                        .where(NOTIFICATION_WEBHOOK.TENANT_ID.eq(tenant.value()))
                        .and(NOTIFICATION_WEBHOOK.ID.eq(id))
                        .returning())
                .map(WebhookRepository::webhook);
    }

    private static NotificationWebhook webhook(NotificationWebhookRecord row) {
        return new NotificationWebhook(row.getId(), row.getName(), row.getUrl(),
                Arrays.stream(row.getTopics()).map(topic -> Slugs.parse(NotificationTopic.class, topic))
                        .collect(Collectors.toSet()),
                new UserId(row.getCreatedBy()), row.getCreatedAt());
    }
}
