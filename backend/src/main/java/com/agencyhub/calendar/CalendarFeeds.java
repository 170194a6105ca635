package com.agencyhub.calendar;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brands;
import com.agencyhub.calendar.internal.CalendarFeedRepository;
import com.agencyhub.calendar.internal.ICalendarWriter;
import com.agencyhub.calendar.internal.ShiftFeedDocument;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberStatus;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * iCalendar feeds of planned posts (docs/content-calendar.md, "Calendar feeds") and of monitoring shifts
 * (docs/rosters.md, "Shift feeds") behind secret, revocable URLs. A feed is created by a member and shows, whenever it
 * is read, what that member may see then: a deactivated owner, or one who lost the brand, makes the feed answer 404
 * like an unknown or revoked secret.
 */
@Service
public class CalendarFeeds {

    /** Posts planned this long ago and earlier are left out of a post feed. */
    public static final Duration PAST = Duration.ofDays(30);
    /** Posts planned this far ahead and later are left out of a post feed. */
    public static final Duration AHEAD = Duration.ofDays(180);
    /** The most events one feed holds, so that a feed stays small enough for any calendar app. */
    public static final int MAX_EVENTS = 2_000;

    private static final int SECRET_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Duration EVENT_LENGTH = Duration.ofMinutes(30);

    private final CalendarFeedRepository repository;
    private final Transactions transactions;
    private final Posts posts;
    private final Brands brands;
    private final Members members;
    private final AuditLog audit;
    private final CalendarFeedsProperties properties;
    private final ShiftFeedDocument shifts;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeeds(CalendarFeedRepository repository, Transactions transactions, Posts posts, Brands brands,
                         Members members, AuditLog audit, CalendarFeedsProperties properties,
                         ShiftFeedDocument shifts) {
        this.repository = repository;
        this.transactions = transactions;
        this.posts = posts;
        this.brands = brands;
        this.members = members;
        this.audit = audit;
        this.properties = properties;
        this.shifts = shifts;
    }

    /** A new feed and its address, which holds the secret: shown this once. */
    public record Created(CalendarFeed feed, URI url) {
    }

    /**
     * A new feed of the brand's posts or roster or (brand null) of the posts assigned to {@code assignee} or their
     * shifts.
     */
    public Mono<Created> create(Actor actor, BrandId brand, UserId assignee, FeedContent content, String label) {
        TenantId tenant = actor.requireTenant();
        String secret = newSecret();
        return subjectExists(actor, content, brand, assignee)
                .then(transactions.inTenant(tenant, sql -> repository.insert(sql, tenant, actor.userId(), brand,
                                assignee, content, label, hash(secret))
                        .flatMap(feed -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                        "calendar-feed.created", "calendar-feed", feed.id().value(), null,
                                        feed.snapshot(), brand))
                                .thenReturn(feed))))
                .map(feed -> new Created(feed, properties.feedUrl(secret)));
    }

    /** The caller's feeds that are not revoked (agency admins: all of the agency's), newest first. */
    public Mono<Page<CalendarFeed>> list(Actor actor, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        UserId owner = actor.has(Role.AGENCY_ADMIN) ? null : actor.userId();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, owner, limit, cursor));
    }

    /** The feed, if it is not revoked and the caller owns it or is an agency admin; 404 otherwise. */
    public Mono<CalendarFeed> get(Actor actor, CalendarFeedId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .filter(feed -> !feed.revoked() && manages(actor, feed))
                .switchIfEmpty(Mono.error(CalendarFeeds::notFound));
    }

    /** Revokes the feed (its owner or an agency admin); revoking it again changes nothing. */
    public Mono<Void> revoke(Actor actor, CalendarFeedId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .filter(feed -> manages(actor, feed))
                .switchIfEmpty(Mono.error(CalendarFeeds::notFound))
                .flatMap(before -> repository.revoke(sql, tenant, id)
                        .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                "calendar-feed.revoked", "calendar-feed", id.value(), before.snapshot(),
                                after.snapshot(), before.brand())))));
    }

    /**
     * The feed with this secret as an iCalendar document; 404 for a secret that is malformed, unknown or revoked and
     * for a feed whose owner may no longer see what it shows, all alike.
     */
    public Mono<String> read(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Mono.error(CalendarFeeds::notFound);
        }
        return transactions.asPlatform(sql -> repository.findByTokenHash(sql, hash(secret)))
                .filter(located -> !located.feed().revoked())
                .flatMap(located -> transactions.inTenant(located.tenant(), sql ->
                        owner(located.tenant(), located.feed())
                                .flatMap(owner -> document(owner, located.feed()))
                                .flatMap(document -> repository.markRead(sql, located.tenant(), located.feed().id(),
                                        Instant.now()).thenReturn(document))))
                .switchIfEmpty(Mono.error(CalendarFeeds::notFound));
    }

    /** The feed's owner as they act today, if they still may read what the feed shows; empty otherwise. */
    private Mono<Actor> owner(TenantId tenant, CalendarFeed feed) {
        return members.get(tenant, feed.owner())
                .onErrorResume(ApiProblem.class, gone -> Mono.empty())
                .filter(member -> member.status() != MemberStatus.DEACTIVATED)
                .map(member -> actor(tenant, member))
                .filter(owner -> mayFollow(owner, feed.content(), feed.brand(), feed.assignee()));
    }

    private static Actor actor(TenantId tenant, Member member) {
        return Actor.member(member.id(), member.email(), member.displayName(), member.email(), tenant,
                member.roles(), member.clientScope().brands());
    }

    /**
     * Whether the member may follow the brand's posts (staff: every brand; client users: those in scope) or roster
     * (staff), or the member's assigned posts or shifts (staff: their own; admins and managers: anyone's).
     */
    private static boolean mayFollow(Actor member, FeedContent content, BrandId brand, UserId assignee) {
        if (brand != null) {
            return member.maySee(brand) && (content == FeedContent.POSTS || member.isStaff());
        }
        return member.isStaff() && (member.userId().equals(assignee) || member.has(Role.AGENCY_ADMIN)
                || member.has(Role.AGENCY_MANAGER));
    }

    /**
     * At creation: the brand exists and the caller sees it, or the assignee is current staff they may follow; only
     * staff follow the roster.
     */
    private Mono<Void> subjectExists(Actor actor, FeedContent content, BrandId brand, UserId assignee) {
        if (content == FeedContent.SHIFTS && !actor.isStaff()) {
            return Mono.error(ApiProblem.forbidden("Client users cannot create shift feeds."));
        }
        if (brand != null) {
            return brands.get(actor, brand).then();
        }
        if (!actor.isStaff()) {
            return Mono.error(ApiProblem.notFound("The member"));
        }
        if (!mayFollow(actor, content, null, assignee)) {
            return Mono.error(ApiProblem.forbidden("Social-media managers may create feeds of their own assigned "
                    + "posts and shifts only."));
        }
        return members.currentStaff(actor.requireTenant(), List.of(assignee))
                .flatMap(staff -> staff.isEmpty() ? Mono.error(ApiProblem.notFound("The member")) : Mono.empty());
    }

    private static boolean manages(Actor actor, CalendarFeed feed) {
        return actor.userId().equals(feed.owner()) || actor.has(Role.AGENCY_ADMIN);
    }

    /** What the owner may see of the feed's content, as iCalendar; empty when the roster refuses them. */
    private Mono<String> document(Actor owner, CalendarFeed feed) {
        Instant now = Instant.now();
        return switch (feed.content()) {
            case POSTS -> postsDocument(owner, feed, now);
            case SHIFTS -> shifts.write(owner, feed, now, MAX_EVENTS);
        };
    }

    /** The posts the owner may see in the feed's range. */
    private Mono<String> postsDocument(Actor owner, CalendarFeed feed, Instant now) {
        return posts.feed(owner, feed.brand(), feed.assignee(), now.minus(PAST), now.plus(AHEAD), MAX_EVENTS)
                .flatMap(planned -> (feed.assignee() == null ? Mono.just(Map.<BrandId, String>of())
                        : brands.names(owner.requireTenant(), planned.stream().map(Post::brand)
                        .collect(Collectors.toSet())))
                        .map(brandNames -> write(feed, planned, brandNames, now)));
    }

    private String write(CalendarFeed feed, List<Post> planned, Map<BrandId, String> brandNames, Instant now) {
        ICalendarWriter ics = ICalendarWriter.feed(feed.label());
        for (Post post : planned) {
            String brandName = brandNames.get(post.brand());
            URI link = properties.postUrl(post.id());
            ics.begin("VEVENT")
                    .value("UID", post.id() + "@agencyhub")
                    .instant("DTSTAMP", now)
                    .instant("DTSTART", post.plan().plannedAt())
                    .value("DURATION", EVENT_LENGTH.toString())
                    .text("SUMMARY", brandName == null ? post.plan().title()
                            : post.plan().title() + " (" + brandName + ")")
                    .text("DESCRIPTION", description(post, link))
                    .value("URL", link.toString())
                    .value("STATUS", status(post.status()))
                    .instant("CREATED", post.createdAt())
                    .instant("LAST-MODIFIED", post.updatedAt())
                    .value("SEQUENCE", Integer.toString(post.contentVersion()))
                    .end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    /** What a calendar app shows below the title: where the post stands, what it is part of, the link to it. */
    private static String description(Post post, URI link) {
        List<String> lines = new ArrayList<>();
        lines.add("Status: " + post.status().value());
        if (post.plan().pillar() != null) {
            lines.add("Pillar: " + post.plan().pillar());
        }
        Set<String> platforms = post.plan().variants().stream().map(PostVariant::platform)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!platforms.isEmpty()) {
            lines.add("Platforms: " + String.join(", ", platforms));
        }
        if (post.plan().campaign() != null) {
            lines.add("Campaign: " + post.plan().campaign());
        }
        lines.add(link.toString());
        return String.join("\n", lines);
    }

    /** Planned and in the works: tentative; agreed on: confirmed; cancelled stays in the feed as cancelled. */
    private static String status(PostStatus status) {
        return switch (status) {
            case DRAFT, IN_REVIEW, CHANGES_REQUESTED, ON_HOLD -> "TENTATIVE";
            case APPROVED, SCHEDULED, PUBLISHED -> "CONFIRMED";
            case CANCELLED -> "CANCELLED";
        };
    }

    private String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The calendar feed");
    }
}
