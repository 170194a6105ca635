package com.agencyhub.notifications.internal;

import com.agencyhub.jooq.tables.records.NotificationRecord;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.Notification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.NOTIFICATION;

/** Recorded notifications: appended by {@code Notifications.enqueue}, read newest first. */
@Repository
public class NotificationRepository {

    private static final String CURSOR = "notifications";

    public Mono<Void> insert(DSLContext sql, TenantId tenant, UUID id, NewNotification notification) {
        return Mono.from(sql.insertInto(NOTIFICATION)
                .set(NOTIFICATION.TENANT_ID, tenant.value())
                .set(NOTIFICATION.ID, id)
                .set(NOTIFICATION.RECIPIENT_ID, notification.recipient().value())
                .set(NOTIFICATION.BRAND_ID, notification.brand() == null ? null : notification.brand().value())
                .set(NOTIFICATION.TOPIC, Slugs.of(notification.topic()))
                .set(NOTIFICATION.SUBJECT, notification.subject())
                .set(NOTIFICATION.BODY, notification.text())
                .set(NOTIFICATION.REASON, notification.reason())
                .set(NOTIFICATION.REFERS_TO_TYPE, Slugs.of(notification.refersTo().type()))
                .set(NOTIFICATION.REFERS_TO_ID, notification.refersTo().id())).then();
    }

    /** One page, newest first, without deliveries; each filter applies when not null. */
    public Mono<Page<Notification>> page(DSLContext sql, TenantId tenant, UserId recipient, BrandId brand,
                                         NotificationTopic topic, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(NOTIFICATION.TENANT_ID.eq(tenant.value()));
        if (recipient != null) {
            conditions.add(NOTIFICATION.RECIPIENT_ID.eq(recipient.value()));
        }
        if (brand != null) {
            conditions.add(NOTIFICATION.BRAND_ID.eq(brand.value()));
        }
        if (topic != null) {
            conditions.add(NOTIFICATION.TOPIC.eq(Slugs.of(topic)));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(NOTIFICATION.CREATED_AT, NOTIFICATION.ID)
                    .lt(Cursor.instant(after.get(0)), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(NOTIFICATION).where(conditions)
                        .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                        .limit(DSL.inline(limit + 1)))
                .map(NotificationRepository::notification)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR, last.createdAt().toString(),
                        last.id().toString())));
    }

    private static Notification notification(NotificationRecord row) {
        return new Notification(row.getId(), new UserId(row.getRecipientId()),
                row.getBrandId() == null ? null : new BrandId(row.getBrandId()),
                Slugs.parse(NotificationTopic.class, row.getTopic()), row.getSubject(), row.getBody(), row.getReason(),
                new NewNotification.Reference(Slugs.parse(NewNotification.Reference.Type.class, row.getRefersToType()),
                        row.getRefersToId()),
                row.getCreatedAt(), List.of());
    }
}
