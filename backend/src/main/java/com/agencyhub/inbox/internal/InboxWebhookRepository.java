package com.agencyhub.inbox.internal;

import com.agencyhub.jooq.tables.records.InboxWebhookRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.INBOX_WEBHOOK;

@Repository
public class InboxWebhookRepository {

    /** A brand's webhook as stored, secrets included. */
    public record StoredWebhook(TenantId tenant, BrandId brand, UUID id, byte[] secret, byte[] previousSecret,
                                Instant previousValidUntil, UserId rotatedBy, Instant rotatedAt) {
    }

    public Mono<StoredWebhook> findByBrand(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(INBOX_WEBHOOK).where(INBOX_WEBHOOK.TENANT_ID.eq(tenant.value())
                        .and(INBOX_WEBHOOK.BRAND_ID.eq(brand.value()))))
                .map(InboxWebhookRepository::webhook);
    }

    /** The webhook with this public id, in whichever agency; run as the platform role. */
    public Mono<StoredWebhook> findById(DSLContext sql, UUID id) {
        return Mono.from(sql.selectFrom(INBOX_WEBHOOK).where(INBOX_WEBHOOK.ID.eq(id)))
                .map(InboxWebhookRepository::webhook);
    }

    public Mono<StoredWebhook> insert(DSLContext sql, TenantId tenant, BrandId brand, byte[] secret, UserId by) {
        return Mono.from(sql.insertInto(INBOX_WEBHOOK)
                        .set(INBOX_WEBHOOK.TENANT_ID, tenant.value())
                        .set(INBOX_WEBHOOK.BRAND_ID, brand.value())
                        .set(INBOX_WEBHOOK.ID, UUID.randomUUID())
                        .set(INBOX_WEBHOOK.SECRET, secret)
                        .set(INBOX_WEBHOOK.ROTATED_BY, by.value())
                        .returning())
                .map(InboxWebhookRepository::webhook);
    }

    /** A new secret; the current one stays valid until {@code previousValidUntil}. */
    public Mono<StoredWebhook> rotate(DSLContext sql, StoredWebhook current, byte[] secret, Instant now,
                                      Instant previousValidUntil, UserId by) {
        return Mono.from(sql.update(INBOX_WEBHOOK)
                        .set(INBOX_WEBHOOK.PREVIOUS_SECRET, current.secret())
                        .set(INBOX_WEBHOOK.PREVIOUS_VALID_UNTIL, previousValidUntil)
                        .set(INBOX_WEBHOOK.SECRET, secret)
                        .set(INBOX_WEBHOOK.ROTATED_BY, by.value())
                        .set(INBOX_WEBHOOK.ROTATED_AT, now)
                        .where(INBOX_WEBHOOK.TENANT_ID.eq(current.tenant().value())
                                .and(INBOX_WEBHOOK.BRAND_ID.eq(current.brand().value())))
                        .returning())
                .map(InboxWebhookRepository::webhook);
    }

    private static StoredWebhook webhook(InboxWebhookRecord row) {
        return new StoredWebhook(new TenantId(row.getTenantId()), new BrandId(row.getBrandId()), row.getId(),
                row.getSecret(), row.getPreviousSecret(), row.getPreviousValidUntil(), new UserId(row.getRotatedBy()),
                row.getRotatedAt());
    }
}
