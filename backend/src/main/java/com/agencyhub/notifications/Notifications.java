package com.agencyhub.notifications;

import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.notifications.internal.DeliveryRepository;
import com.agencyhub.notifications.internal.NotificationRepository;
import com.agencyhub.notifications.internal.WebhookRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The notification outbox (docs/notifications.md). {@link #enqueue} records notifications and their deliveries in
 * the caller's transaction, so nothing goes out for work that rolls back; {@link DeliveryWorker} sends them later.
 */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final Members members;
    private final Transactions transactions;

    Notifications(NotificationRepository notifications, DeliveryRepository deliveries, WebhookRepository webhooks,
                  Members members, Transactions transactions) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.members = members;
        this.transactions = transactions;
    }

    /**
     * Records the notifications with their deliveries, joining the agency's ongoing transaction: an e-mail to each
     * recipient who should get one, and a post to each webhook subscribed to the topic, once for the same news told
     * to several people. Deliveries are due at once.
     */
    public Mono<Void> enqueue(TenantId tenant, List<NewNotification> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        List<UserId> recipients = batch.stream().map(NewNotification::recipient).distinct().toList();
        Instant now = Instant.now();
        return transactions.inTenant(tenant, sql -> members.contacts(tenant, recipients)
                .flatMap(contacts -> Flux.range(0, batch.size())
                        .concatMap(index -> record(sql, tenant, batch, index, contacts, now))
                        .then()));
    }

    private Mono<Void> record(DSLContext sql, TenantId tenant, List<NewNotification> batch, int index,
                              Map<UserId, MemberContact> contacts, Instant now) {
        NewNotification notification = batch.get(index);
        UUID id = UUID.randomUUID();
        boolean firstOfItsNews = batch.subList(0, index).stream().noneMatch(notification::sameNewsAs);
        MemberContact contact = contacts.get(notification.recipient());
        Mono<Void> email = notification.byEmail() && contact != null && contact.email() != null
                ? deliveries.insert(sql, tenant, id, contact.email(), null, now) : Mono.empty();
        Mono<Void> posts = firstOfItsNews
                ? webhooks.subscribedTo(sql, tenant, notification.topic()).flatMap(subscribed -> Flux
                        .fromIterable(subscribed)
                        .concatMap(webhook -> deliveries.insert(sql, tenant, id, null, webhook, now))
                        .then())
                : Mono.empty();
        return notifications.insert(sql, tenant, id, notification).then(email).then(posts);
    }

    /**
     * One page of the agency's notifications with their deliveries, newest first. Admins and managers read anyone's;
     * social-media managers their own (another recipient: 403). A named recipient must be current staff (400).
     */
    public Mono<Page<Notification>> list(Actor actor, UserId recipient, BrandId brand, NotificationTopic topic,
                                         int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        boolean readsAnyone = actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
        UserId whose = recipient != null ? recipient : readsAnyone ? null : actor.userId();
        if (!readsAnyone && !actor.userId().equals(whose)) {
            throw ApiProblem.forbidden("Social-media managers may read their own notifications only.");
        }
        Mono<Void> known = recipient == null ? Mono.empty() : members.currentStaff(tenant, List.of(recipient))
                .filter(staff -> staff.contains(recipient))
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("recipientId",
                        "is not an invited or active staff member of this agency", "unknown-member")))
                .then();
        return transactions.inTenant(tenant, sql -> known
                .then(notifications.page(sql, tenant, whose, brand, topic, limit, cursor))
                .flatMap(page -> deliveries.ofNotifications(sql, tenant,
                                page.items().stream().map(Notification::id).collect(Collectors.toList()))
                        .map(byNotification -> page.map(notification -> notification.withDeliveries(
                                byNotification.getOrDefault(notification.id(), new ArrayList<>()))))));
    }
}
