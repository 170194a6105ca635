package com.agencyhub.inbox.internal;

import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

import static com.agencyhub.jooq.Tables.INGEST_REQUEST;

/** Answers of ingest requests by their Idempotency-Key, per agency. */
@Repository
public class IngestRequestRepository {

    /** A stored answer and the hash of the body it answered. */
    public record StoredAnswer(byte[] bodyHash, int status, String response) {
    }

    /**
     * Waits until no other transaction of the agency works on the same key (a transaction-scoped advisory lock), so
     * that two requests with one key cannot both ingest: the second finds the first's answer.
     */
    public Mono<Void> lock(DSLContext sql, TenantId tenant, String key) {
        return Mono.from(sql.query("select pg_advisory_xact_lock(hashtextextended({0}, 0))",
                DSL.val("ingest:" + tenant.value() + ":" + key))).then();
    }

    /** The answer stored for the key, if it is younger than {@code notBefore}. */
    public Mono<StoredAnswer> find(DSLContext sql, TenantId tenant, String key, Instant notBefore) {
        return Mono.from(sql.select(INGEST_REQUEST.BODY_HASH, INGEST_REQUEST.STATUS, INGEST_REQUEST.RESPONSE)
                        .from(INGEST_REQUEST)
                        .where(INGEST_REQUEST.TENANT_ID.eq(tenant.value()).and(INGEST_REQUEST.KEY.eq(key))
                                .and(INGEST_REQUEST.CREATED_AT.ge(notBefore))))
                .map(row -> new StoredAnswer(row.value1(), row.value2(), row.value3().data()));
    }

    /** Deletes the answers stored before {@code before}, of every agency (as the platform role); emits how many. */
    public Mono<Integer> deleteExpired(DSLContext platform, Instant before) {
        return Mono.from(platform.deleteFrom(INGEST_REQUEST).where(INGEST_REQUEST.CREATED_AT.lt(before)));
    }

    /** Stores the answer, replacing an expired one under the same key. */
    public Mono<Void> save(DSLContext sql, TenantId tenant, String key, byte[] bodyHash, int status, String response) {
        return Mono.from(sql.insertInto(INGEST_REQUEST)
                        .set(INGEST_REQUEST.TENANT_ID, tenant.value())
                        .set(INGEST_REQUEST.KEY, key)
                        .set(INGEST_REQUEST.BODY_HASH, bodyHash)
                        .set(INGEST_REQUEST.STATUS, status)
                        .set(INGEST_REQUEST.RESPONSE, JSONB.valueOf(response))
                        .onConflict(INGEST_REQUEST.TENANT_ID, INGEST_REQUEST.KEY).doUpdate()
                        .set(INGEST_REQUEST.BODY_HASH, bodyHash)
                        .set(INGEST_REQUEST.STATUS, status)
                        .set(INGEST_REQUEST.RESPONSE, JSONB.valueOf(response))
                        .set(INGEST_REQUEST.CREATED_AT, DSL.currentInstant()))
                .then();
    }
}
