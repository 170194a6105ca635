package com.agencyhub.notifications;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.notifications.internal.PublicAddresses;
import com.agencyhub.notifications.internal.WebhookRepository;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The agency's incoming webhooks, managed by its admins; the audit trail never holds a URL in full. */
@Service
public class NotificationWebhooks {

    /** Webhooks per agency: every notification of a topic is posted to each of them. */
    static final int MOST_PER_AGENCY = 20;

    private final WebhookRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final NotificationsProperties properties;

    NotificationWebhooks(WebhookRepository repository, Transactions transactions, AuditLog audit,
                         NotificationsProperties properties) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
    }

    public Mono<List<NotificationWebhook>> list(Actor actor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant));
    }

    public Mono<NotificationWebhook> create(Actor actor, String name, String url, Set<NotificationTopic> topics) {
        TenantId tenant = actor.requireTenant();
        requireReceiverUrl(url);
        NotificationWebhook webhook = new NotificationWebhook(UUID.randomUUID(), name.strip(), url, topics,
                actor.userId(), Instant.now());
        return transactions.inTenant(tenant, sql -> repository.insert(sql, tenant, webhook, MOST_PER_AGENCY)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("The agency has " + MOST_PER_AGENCY
                        + " webhooks already; remove one first.")))
                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                "notification-webhook.created", "notification-webhook", created.id(), null,
                                snapshot(created)))
                        .thenReturn(created)));
    }

    public Mono<Void> delete(Actor actor, UUID id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.delete(sql, tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The webhook")))
                .flatMap(removed -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                        "notification-webhook.deleted", "notification-webhook", removed.id(), snapshot(removed),
                        null))));
    }

    /**
     * An absolute https URL (http where allowed) with a host, without user information, and not at a local or private
     * address literal (host names are checked when a delivery resolves them).
     */
    private void requireReceiverUrl(String url) {
        String problem = null;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean allowed = scheme.equals("https") || (scheme.equals("http") && properties.allowPlainHttpWebhooks());
            if (!allowed) {
                problem = properties.allowPlainHttpWebhooks() ? "must be an http or https URL" : "must be an https URL";
            } else if (uri.getHost() == null) {
                problem = "must name a host";
            } else if (uri.getRawUserInfo() != null) {
                problem = "must not hold user information";
            } else if (uri.getRawFragment() != null) {
                problem = "must not have a fragment";
            } else if (!properties.allowPrivateWebhookTargets() && PublicAddresses.isPrivateLiteral(uri.getHost())) {
                problem = "must not point to a local or private address";
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URL";
        }
        if (problem != null) {
            throw ApiProblem.invalidField("url", problem, "url");
        }
    }

    private static Map<String, Object> snapshot(NotificationWebhook webhook) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", webhook.name());
        snapshot.put("urlPreview", webhook.urlPreview());
        snapshot.put("topics", new TreeSet<>(webhook.topics().stream().map(Slugs::of).toList()));
        return snapshot;
    }
}
