package com.agencyhub.inbox;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brands;
import com.agencyhub.inbox.internal.InboxWebhookRepository;
import com.agencyhub.inbox.internal.InboxWebhookRepository.StoredWebhook;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The signed webhook of a brand (docs/inbox.md, "Signed webhook"): admins create it and rotate its secret; a delivery
 * is verified by an HMAC-SHA256 over {@code <timestamp>.<raw body>} with the current secret, or with the previous one
 * during the rotation's grace period, and a timestamp within {@link #TOLERANCE} of now. The webhook is found by the
 * URL's id as the platform role (the only cross-agency read); everything after runs in the agency.
 */
@Service
public class InboxWebhooks {

    /** How far a delivery's timestamp may lie from now either way; older deliveries are replays. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** How long the previous secret is accepted after a rotation. */
    public static final Duration GRACE = Duration.ofHours(24);

    private static final int SECRET_BYTES = 32;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-f]{64}");

    private final InboxWebhookRepository repository;
    private final Brands brands;
    private final Transactions transactions;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public InboxWebhooks(InboxWebhookRepository repository, Brands brands, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.brands = brands;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** A brand's webhook as admins see it: never a secret. */
    public record Webhook(UUID id, BrandId brand, Instant rotatedAt, UserId rotatedBy, Instant previousValidUntil) {
    }

    /** A webhook and its new secret (unpadded base64url), shown once. */
    public record Rotated(Webhook webhook, String secret) {
    }

    /** Who a verified delivery is for. */
    public record Target(TenantId tenant, BrandId brand) {
    }

    public Mono<Webhook> get(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return brands.get(actor, brand).then(transactions.inTenant(tenant,
                        sql -> repository.findByBrand(sql, tenant, brand)))
                .map(stored -> webhook(stored, Instant.now()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand's inbox webhook")));
    }

    /** Creates the webhook, or gives it a new secret while the current one stays valid for {@link #GRACE}. */
    public Mono<Rotated> rotate(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        Instant now = Instant.now();
        return transactions.inTenant(tenant, sql -> brands.get(actor, brand)
                .then(repository.findByBrand(sql, tenant, brand)
                        .flatMap(current -> repository.rotate(sql, current, secret, now, now.plus(GRACE),
                                actor.userId()))
                        .switchIfEmpty(Mono.defer(() -> repository.insert(sql, tenant, brand, secret, actor.userId()))))
                .flatMap(stored -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                "inbox-webhook.rotated", "inbox-webhook", stored.id(), null, snapshot(stored), brand))
                        .thenReturn(new Rotated(webhook(stored, now),
                                Base64.getUrlEncoder().withoutPadding().encodeToString(secret)))));
    }

    /**
     * The brand a delivery is for, if it is signed with the webhook's secret (or the previous one within its grace
     * period) and its timestamp lies within {@link #TOLERANCE} of now; one 401 for every failure, so that a caller
     * learns nothing about which webhooks exist.
     */
    public Mono<Target> verify(UUID webhookId, String timestamp, String signature, byte[] body) {
        Instant now = Instant.now();
        if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp).matches()
                || !SIGNATURE.matcher(signature).matches()) {
            return Mono.error(unauthorized());
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return Mono.error(unauthorized());
        }
        byte[] sent = HexFormat.of().parseHex(signature.substring(3));
        return transactions.asPlatform(sql -> repository.findById(sql, webhookId))
                .filter(stored -> signedWith(stored.secret(), timestamp, body, sent)
                        || (stored.previousSecret() != null && now.isBefore(stored.previousValidUntil())
                        && signedWith(stored.previousSecret(), timestamp, body, sent)))
                .map(stored -> new Target(stored.tenant(), stored.brand()))
                .switchIfEmpty(Mono.error(InboxWebhooks::unauthorized));
    }

    /** The signature scheme: lowercase hex HMAC-SHA256 of {@code <timestamp>.<raw body>}, prefixed {@code v1=}. */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private static boolean signedWith(byte[] secret, String timestamp, byte[] body, byte[] sent) {
        return MessageDigest.isEqual(hmac(secret, timestamp, body), sent);
    }

    private static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static ApiProblem unauthorized() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Sign the delivery with the "
                + "webhook's secret (X-AgencyHub-Timestamp, X-AgencyHub-Signature) within 5 minutes of sending it.",
                List.of());
    }

    private static Webhook webhook(StoredWebhook stored, Instant now) {
        Instant previousValidUntil = stored.previousValidUntil() != null && now.isBefore(stored.previousValidUntil())
                ? stored.previousValidUntil() : null;
        return new Webhook(stored.id(), stored.brand(), stored.rotatedAt(), stored.rotatedBy(), previousValidUntil);
    }

    private static Map<String, Object> snapshot(StoredWebhook stored) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", stored.id());
        snapshot.put("brandId", stored.brand().value());
        snapshot.put("rotatedAt", stored.rotatedAt().toString());
        snapshot.put("previousValidUntil", stored.previousValidUntil() == null ? null
                : stored.previousValidUntil().toString());
        return snapshot;
    }
}
