package com.agencyhub.calendar;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.Channel;
import com.agencyhub.calendar.internal.PostRepository;
import com.agencyhub.guidelines.ApprovalMode;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.Strategies;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A brand's planned posts: planning, the review workflow and the recorded publication (docs/content-calendar.md).
 * Staff plan and review; client users of a brand see its posts once they reached the client.
 */
@Service
public class Posts {

    /** The longest range a view may ask for: a quarter. */
    public static final Duration LONGEST_RANGE = Duration.ofDays(92);

    /** The most posts one export writes. */
    public static final int MOST_EXPORTED = 10_000;

    private final PostRepository repository;
    private final Transactions transactions;
    private final Brands brands;
    private final Members members;
    private final Strategies strategies;
    private final Guidelines guidelines;

    public Posts(PostRepository repository, Transactions transactions, Brands brands, Members members,
                 Strategies strategies, Guidelines guidelines) {
        this.repository = repository;
        this.transactions = transactions;
        this.brands = brands;
        this.members = members;
        this.strategies = strategies;
        this.guidelines = guidelines;
    }

    /** Plans a new post of the brand, as a draft. */
    public Mono<Post> create(Actor actor, BrandId brandId, PostPlan plan) {
        TenantId tenant = actor.requireTenant();
        return writableBrand(actor, brandId)
                .flatMap(brand -> checked(tenant, brand, plan))
                .flatMap(checked -> transactions.inTenant(tenant, sql -> repository.insert(sql, tenant, brandId,
                                checked, new PostWorkflow.State(PostStatus.DRAFT, null), actor.userId())
                        .flatMap(post -> record(sql, tenant, post, event("created", null, post, actor, null, false))
                                .thenReturn(post))))
                .flatMap(post -> inZone(tenant, post));
    }

    /** The post if the caller may see it; 404 otherwise. */
    public Mono<Post> get(Actor actor, PostId id) {
        return visible(actor, id).flatMap(post -> inZone(actor.requireTenant(), post));
    }

    /**
     * Changes what is planned, if the post still has {@code expectedVersion}. A change of what the audience would
     * see is a new content version and sends an approved post back to review.
     */
    public Mono<Post> update(Actor actor, PostId id, int expectedVersion, PostChanges changes) {
        TenantId tenant = actor.requireTenant();
        return editing(actor, id, expectedVersion, (sql, current) -> {
            if (current.status().isFinal()) {
                return Mono.error(ApiProblem.conflict("The post is " + current.status().value()
                        + " and can no longer be changed."));
            }
            PostPlan changed = changes.applyTo(current.plan());
            return writableBrand(actor, current.brand())
                    .flatMap(brand -> checked(tenant, brand, changed).flatMap(checked -> {
                        boolean newContent = !checked.sameContentAs(current.plan());
                        // the approval mode matters only when approvals given so far may lapse
                        Mono<PostWorkflow.State> state = newContent
                                ? guidelines.approvalMode(tenant, current.brand())
                                .map(mode -> PostWorkflow.afterContentChange(current.state(), mode))
                                : Mono.just(current.state());
                        int contentVersion = current.contentVersion() + (newContent ? 1 : 0);
                        return state.flatMap(next -> repository.update(sql, tenant, id, expectedVersion, checked,
                                        next, contentVersion))
                                .map(updated -> updated.inZone(brand.settings().zone()))
                                .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                                .flatMap(updated -> record(sql, tenant, updated, event(
                                        updated.state().equals(current.state()) ? "updated"
                                                : "content-changed-after-approval",
                                        current.status(), updated, actor, null, false)).thenReturn(updated));
                    }));
        });
    }

    /**
     * Takes a workflow action under the brand's approval mode; {@code 409} naming the allowed ones when the post's
     * state does not allow it. Client users act only with the approval permission for the brand, and whatever they
     * write is for the agency and the client alike.
     */
    public Mono<Post> transition(Actor actor, PostId id, int expectedVersion, PostAction action, Comment comment) {
        TenantId tenant = actor.requireTenant();
        return editing(actor, id, expectedVersion, (sql, current) -> {
            PostWorkflow.Reviewer reviewer = reviewer(actor, current);
            boolean clientVisible = comment.clientVisible() || actor.isClientUser();
            return guidelines.approvalMode(tenant, current.brand()).flatMap(mode ->
                    PostWorkflow.next(current.state(), action, mode, reviewer)
                            .map(next -> repository.moveTo(sql, tenant, id, expectedVersion, next, Map.of())
                                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                                    .flatMap(moved -> record(sql, tenant, moved, event(action.value(),
                                            current.status(), moved, actor, comment.text(), clientVisible))
                                            .thenReturn(moved)))
                            .orElseGet(() -> Mono.error(notAllowed(current, action, mode, reviewer))));
        }).flatMap(post -> inZone(tenant, post));
    }

    /**
     * Records what the publishing tool reported for a scheduled post: published at a time and address, or failed
     * (the post goes back to approved, the reason kept).
     */
    public Mono<Post> recordPublication(Actor actor, PostId id, int expectedVersion, Publication publication) {
        TenantId tenant = actor.requireTenant();
        return editing(actor, id, expectedVersion, (sql, current) -> {
            if (current.status() != PostStatus.SCHEDULED) {
                return Mono.error(ApiProblem.conflict("Only a scheduled post can be published; this one is "
                        + current.status().value() + "."));
            }
            PostWorkflow.State next = new PostWorkflow.State(publication.succeeded() ? PostStatus.PUBLISHED
                    : PostStatus.APPROVED, null);
            return repository.moveTo(sql, tenant, id, expectedVersion, next, PostRepository.publication(
                            publication.publishedAt(), publication.url(), publication.failureReason()))
                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                    .flatMap(moved -> record(sql, tenant, moved, event(publication.succeeded() ? "published"
                            : "publish-failed", current.status(), moved, actor, publication.failureReason(), false))
                            .thenReturn(moved));
        }).flatMap(post -> inZone(tenant, post));
    }

    /** The posts of a range view that the caller may see, by planned time. */
    public Mono<Page<Post>> list(Actor actor, PostQuery query, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        if (Duration.between(query.from(), query.to()).compareTo(LONGEST_RANGE) > 0) {
            return Mono.error(ApiProblem.invalidField("to", "must be at most " + LONGEST_RANGE.toDays()
                    + " days after from", "range"));
        }
        if (query.brand() != null && !actor.maySee(query.brand())) {
            return Mono.error(ApiProblem.notFound("The brand"));
        }
        // one transaction for the page and its brands' zones
        return transactions.inTenant(tenant, sql -> repository.list(tenant, visibleTo(actor, query), limit, cursor)
                .flatMap(page -> brands.zones(tenant, page.items().stream().map(Post::brand)
                                .collect(Collectors.toSet()))
                        .map(zones -> page.map(post -> post.inZone(zones.get(post.brand()))))));
    }

    /**
     * The first {@code max} posts planned in {@code [from, to)} of one brand or assigned to one member, as
     * {@code viewer} may see them, by planned time; for calendar feeds, whose range is longer than a view's. The
     * posts carry no zone.
     */
    public Mono<List<Post>> feed(Actor viewer, BrandId brand, UserId assignee, Instant from, Instant to, int max) {
        TenantId tenant = viewer.requireTenant();
        PostQuery query = visibleTo(viewer, new PostQuery(from, to, brand, null, false, null, null, null, assignee,
                null, null));
        return repository.list(tenant, query, max, null).map(Page::items);
    }

    /**
     * Every post of a range view that the caller may see, by planned time, for a file; a range with more than
     * {@value #MOST_EXPORTED} of them is refused (400 naming {@code to}).
     */
    public Mono<List<Post>> export(Actor actor, PostQuery query) {
        return list(actor, query, MOST_EXPORTED, null).flatMap(page -> page.nextCursor() == null
                ? Mono.just(page.items())
                : Mono.error(ApiProblem.invalidField("to", "gives more than " + MOST_EXPORTED
                        + " posts: export a shorter range or filter", "range")));
    }

    /** The post's history, newest first; client users see it without internal comments. */
    public Mono<Page<PostEvent>> events(Actor actor, PostId id, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return visible(actor, id).then(transactions.inTenant(tenant, sql -> repository.events(sql, tenant, id, limit,
                        cursor)))
                .map(page -> actor.isStaff() ? page : page.map(PostEvent::forClient));
    }

    /** A workflow comment and whether the brand's client users may read it. */
    public record Comment(String text, boolean clientVisible) {
    }

    /** What a publishing tool reports: published (time and address) or failed (reason). */
    public record Publication(Instant publishedAt, URI url, String failureReason) {

        boolean succeeded() {
            return failureReason == null;
        }
    }

    Mono<Brand> writableBrand(Actor actor, BrandId id) {
        return brands.get(actor, id).flatMap(brand -> brand.status() == BrandStatus.OFFBOARDED
                ? Mono.error(ApiProblem.conflict("The brand is offboarded: its calendar is read-only."))
                : Mono.just(brand));
    }

    private Mono<Post> visible(Actor actor, PostId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(tenant, id))
                .filter(post -> maySee(actor, post))
                .switchIfEmpty(Mono.error(Posts::notFound));
    }

    /**
     * Loads the post in a transaction, refuses client users without the approval permission for its brand (the only
     * change open to them is a review) and stale versions, then runs the change.
     */
    private Mono<Post> editing(Actor actor, PostId id, int expectedVersion,
                               BiFunction<DSLContext, Post, Mono<Post>> change) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(tenant, id)
                .filter(post -> maySee(actor, post))
                .switchIfEmpty(Mono.error(Posts::notFound))
                .flatMap(current -> {
                    if (actor.isClientUser() && !actor.mayApprove(current.brand())) {
                        return Mono.error(ApiProblem.forbidden("You may not review this brand's posts; the agency "
                                + "grants that per brand."));
                    }
                    return current.version() != expectedVersion ? Mono.error(ApiProblem.preconditionFailed())
                            : change.apply(sql, current);
                }));
    }

    private Mono<Post> inZone(TenantId tenant, Post post) {
        return brands.zones(tenant, Set.of(post.brand())).map(zones -> post.inZone(zones.get(post.brand())));
    }

    /** The plan if the brand allows it: its channels' platforms, its strategy's pillars, the agency's staff. */
    private Mono<PostPlan> checked(TenantId tenant, Brand brand, PostPlan plan) {
        return brandRules(tenant, brand, List.of(plan)).flatMap(violations -> violations.get(0).isEmpty()
                ? Mono.just(plan) : Mono.error(ApiProblem.validation(violations.get(0))));
    }

    /**
     * What each plan breaks of the rules that depend on its brand (its channels' platforms, its approved strategy's
     * pillars, the agency's staff), in the order of the plans; an empty list for a plan that keeps them. Each source
     * is asked once, however many plans there are.
     */
    Mono<List<List<FieldViolation>>> brandRules(TenantId tenant, Brand brand, List<PostPlan> plans) {
        List<String> platforms = brand.settings().channels().stream().map(Channel::platform).toList();
        Mono<List<String>> pillars = plans.stream().allMatch(plan -> plan.pillar() == null) ? Mono.just(List.of())
                : strategies.approvedPillars(tenant, brand.id())
                .map(all -> all.stream().map(StrategyContent.ContentPillar::name).toList());
        Set<UserId> assignees = plans.stream().map(PostPlan::assignee).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Mono<Set<UserId>> staff = assignees.isEmpty() ? Mono.just(Set.of()) : members.currentStaff(tenant, assignees);
        return Mono.zip(pillars, staff).map(known -> plans.stream()
                .map(plan -> violations(plan, platforms, known.getT1(), known.getT2())).toList());
    }

    private static List<FieldViolation> violations(PostPlan plan, List<String> platforms, List<String> pillars,
                                                   Set<UserId> staff) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < plan.variants().size(); i++) {
            if (!platforms.contains(plan.variants().get(i).platform())) {
                violations.add(new FieldViolation("variants[" + i + "].platform",
                        "must be one of the brand's channel platforms " + platforms, "unknown-platform"));
            }
        }
        if (plan.pillar() != null && !pillars.contains(plan.pillar())) {
            violations.add(new FieldViolation("pillar", pillars.isEmpty()
                    ? "needs an approved strategy with content pillars"
                    : "must be one of the approved strategy's pillars " + pillars, "unknown-pillar"));
        }
        if (plan.assignee() != null && !staff.contains(plan.assignee())) {
            violations.add(new FieldViolation("assigneeId", "must be an active staff member of the agency",
                    "unknown-member"));
        }
        return violations;
    }

    /** The query narrowed to what the caller sees: client users, the client-visible posts of their brands. */
    private static PostQuery visibleTo(Actor actor, PostQuery query) {
        return actor.isStaff() ? query : new PostQuery(query.from(), query.to(), query.brand(), actor.brandScope(),
                true, query.status(), query.platform(), query.pillar(), query.assignee(), query.campaign(),
                query.label());
    }

    private static boolean maySee(Actor actor, Post post) {
        return actor.maySee(post.brand()) && (actor.isStaff() || post.clientVisible());
    }

    /** Social-media managers review colleagues' posts, not the ones assigned to themselves. */
    private static PostWorkflow.Reviewer reviewer(Actor actor, Post post) {
        if (actor.isClientUser()) {
            return PostWorkflow.Reviewer.CLIENT;
        }
        boolean assignedToThem = actor.userId().equals(post.plan().assignee());
        return assignedToThem && !actor.has(Role.AGENCY_ADMIN) && !actor.has(Role.AGENCY_MANAGER)
                ? PostWorkflow.Reviewer.STAFF_ASSIGNED_AUTHOR : PostWorkflow.Reviewer.STAFF;
    }

    private static ApiProblem notAllowed(Post post, PostAction action, ApprovalMode mode,
                                         PostWorkflow.Reviewer reviewer) {
        List<String> allowed = PostWorkflow.allowed(post.state(), mode, reviewer).stream()
                .map(PostAction::value).toList();
        String state = post.status().value() + (post.state().stage() == null ? ""
                : " (waiting for " + post.state().stage().value() + " review)");
        return ApiProblem.conflict("'" + action.value() + "' is not possible for you while the post is " + state
                + "; possible: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
                .with("allowedActions", allowed);
    }

    private Mono<Void> record(DSLContext sql, TenantId tenant, Post post, PostEvent event) {
        return repository.recordEvent(sql, tenant, post.id(), event);
    }

    static PostEvent event(String action, PostStatus from, Post post, Actor actor, String comment,
                                   boolean clientVisible) {
        return new PostEvent(UUID.randomUUID(), action, from, post.status(), post.contentVersion(),
                actor.userId().value(), actor.isClientUser(), actorName(actor), comment, clientVisible, Instant.now());
    }

    private static String actorName(Actor actor) {
        String name = actor.displayName() != null && !actor.displayName().isBlank() ? actor.displayName()
                : actor.username();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The post");
    }
}
