package com.agencyhub.calendar.internal;

import com.agencyhub.calendar.CalendarFeed;
import com.agencyhub.calendar.CalendarFeedId;
import com.agencyhub.calendar.FeedContent;
import com.agencyhub.jooq.tables.records.CalendarFeedRecord;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.CALENDAR_FEED;

@Repository
public class CalendarFeedRepository {

    private static final String CURSOR = "calendar-feeds";
    /** How stale {@code last_read_at} may get: a phone polling every few minutes is not a write per poll. */
    private static final Duration READ_MARK_PRECISION = Duration.ofMinutes(15);

    /** A feed found by its secret, with the agency it belongs to. */
    public record Located(TenantId tenant, CalendarFeed feed) {
    }

    public Mono<CalendarFeed> insert(DSLContext sql, TenantId tenant, UserId owner, BrandId brand, UserId assignee,
                                     FeedContent content, String label, byte[] tokenHash) {
        UUID id = UUID.randomUUID();
        return Mono.from(sql.insertInto(CALENDAR_FEED)
                        .set(CALENDAR_FEED.TENANT_ID, tenant.value())
                        .set(CALENDAR_FEED.ID, id)
                        .set(CALENDAR_FEED.OWNER_ID, owner.value())
                        .set(CALENDAR_FEED.BRAND_ID, brand == null ? null : brand.value())
                        .set(CALENDAR_FEED.ASSIGNEE_ID, assignee == null ? null : assignee.value())
                        .set(CALENDAR_FEED.CONTENT, Slugs.of(content))
                        .set(CALENDAR_FEED.LABEL, label)
                        .set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                        .returning())
                .map(CalendarFeedRepository::feed);
    }

    /** The feed, revoked or not. */
    public Mono<CalendarFeed> find(DSLContext sql, TenantId tenant, CalendarFeedId id) {
        return Mono.from(sql.selectFrom(CALENDAR_FEED)
                        .where(CALENDAR_FEED.TENANT_ID.eq(tenant.value()).and(CALENDAR_FEED.ID.eq(id.value()))))
                .map(CalendarFeedRepository::feed);
    }

    /** The feed whose secret has this hash, in whichever agency; run as the platform role. */
    public Mono<Located> findByTokenHash(DSLContext sql, byte[] tokenHash) {
        return Mono.from(sql.selectFrom(CALENDAR_FEED).where(CALENDAR_FEED.TOKEN_HASH.eq(tokenHash)))
                .map(row -> new Located(new TenantId(row.getTenantId()), feed(row)));
    }

    /** One page of the feeds not revoked, of one owner (or, owner null, of the agency), newest first. */
    public Mono<Page<CalendarFeed>> list(DSLContext sql, TenantId tenant, UserId owner, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(CALENDAR_FEED.TENANT_ID.eq(tenant.value()).and(CALENDAR_FEED.REVOKED_AT.isNull()));
        if (owner != null) {
            conditions.add(CALENDAR_FEED.OWNER_ID.eq(owner.value()));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(CALENDAR_FEED.CREATED_AT, CALENDAR_FEED.ID).lt(Cursor.instant(after.get(0)),
                    Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(CALENDAR_FEED).where(conditions)
                        .orderBy(CALENDAR_FEED.CREATED_AT.desc(), CALENDAR_FEED.ID.desc())
                        .limit(DSL.inline(limit + 1)))
                .map(CalendarFeedRepository::feed)
                .collectList()
                .map(feeds -> Page.of(feeds, limit, last -> Cursor.encode(CURSOR, last.createdAt().toString(),
                        last.id().toString())));
    }

    /** Revokes the feed now; empty when it was revoked already. */
    public Mono<CalendarFeed> revoke(DSLContext sql, TenantId tenant, CalendarFeedId id) {
        return Mono.from(sql.update(CALENDAR_FEED)
                        .set(CALENDAR_FEED.REVOKED_AT, DSL.currentInstant())
                        .where(CALENDAR_FEED.TENANT_ID.eq(tenant.value()).and(CALENDAR_FEED.ID.eq(id.value()))
                                .and(CALENDAR_FEED.REVOKED_AT.isNull()))
                        .returning())
                .map(CalendarFeedRepository::feed);
    }

    /** Notes that the feed was read, unless that was noted less than a quarter of an hour ago. */
    public Mono<Void> markRead(DSLContext sql, TenantId tenant, CalendarFeedId id, Instant now) {
        return Mono.from(sql.update(CALENDAR_FEED)
                        .set(CALENDAR_FEED.LAST_READ_AT, now)
                        .where(CALENDAR_FEED.TENANT_ID.eq(tenant.value()).and(CALENDAR_FEED.ID.eq(id.value()))
                                .and(CALENDAR_FEED.LAST_READ_AT.isNull()
                                        .or(CALENDAR_FEED.LAST_READ_AT.lt(now.minus(READ_MARK_PRECISION))))))
                .then();
    }

    private static CalendarFeed feed(CalendarFeedRecord row) {
        return new CalendarFeed(new CalendarFeedId(row.getId()), new UserId(row.getOwnerId()),
                row.getBrandId() == null ? null : new BrandId(row.getBrandId()),
                row.getAssigneeId() == null ? null : new UserId(row.getAssigneeId()),
                Slugs.parse(FeedContent.class, row.getContent()), row.getLabel(), row.getCreatedAt(),
                row.getRevokedAt(), row.getLastReadAt());
    }
}
