package com.agencyhub.guidelines;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.guidelines.internal.GuidelineRepository;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A brand's guidelines: one draft at a time, published versions that never change, each assigned at publishing
 * to the brand's team and acknowledged by its members. Client users read published versions of brands in their
 * scope that share plans with them; everything else is "not found" to them. Every change is audited with the
 * brand's id.
 */
@Service
public class Guidelines {

    private final GuidelineRepository repository;
    private final Brands brands;
    private final BrandTeams teams;
    private final Transactions transactions;
    private final AuditLog audit;

    public Guidelines(GuidelineRepository repository, Brands brands, BrandTeams teams, Transactions transactions,
                      AuditLog audit) {
        this.repository = repository;
        this.brands = brands;
        this.teams = teams;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The latest published version with its acknowledgments; 404 while none is published. */
    public Mono<GuidelineVersion> current(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return readable(actor, brand)
                .then(transactions.inTenant(tenant, sql -> repository.findLatestPublished(sql, tenant, brand)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand's published guidelines")));
    }

    public Mono<GuidelineVersion> draft(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return readable(actor, brand)
                .then(transactions.inTenant(tenant, sql -> repository.findDraft(sql, tenant, brand)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand's guidelines draft")));
    }

    /** One version; client users get published versions only. */
    public Mono<GuidelineVersion> version(Actor actor, BrandId brand, int number) {
        TenantId tenant = actor.requireTenant();
        return readable(actor, brand)
                .then(transactions.inTenant(tenant, sql -> repository.findByNumber(sql, tenant, brand, number)))
                .filter(version -> actor.isStaff() || version.status() == GuidelineStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Guidelines version " + number)));
    }

    /** The history, newest first; client users see published versions only. */
    public Mono<Page<GuidelineVersionSummary>> versions(Actor actor, BrandId brand, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return readable(actor, brand).then(transactions.inTenant(tenant,
                sql -> repository.list(sql, tenant, brand, !actor.isStaff(), limit, cursor)));
    }

    /** The SLA policies of the brand's current published guidelines; empty while none is published. */
    public Mono<PublishedSlaPolicies> publishedSlaPolicies(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.findLatestPublished(sql, tenant, brand))
                .map(version -> policies(version));
    }

    /**
     * Who approves the brand's posts: the mode of its newest published guidelines, {@link ApprovalMode#INTERNAL}
     * while none is published. Joins the caller's transaction, so a workflow step reads the mode it acts under.
     */
    public Mono<ApprovalMode> approvalMode(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.publishedApprovalMode(sql, tenant, brand))
                .defaultIfEmpty(ApprovalMode.INTERNAL);
    }

    /**
     * The SLA policies of the guidelines version in force at {@code at} (the newest published at or before it; before
     * the first publication, the first); empty while none is published.
     */
    public Mono<PublishedSlaPolicies> slaPoliciesAt(TenantId tenant, BrandId brand, Instant at) {
        return transactions.inTenant(tenant, sql -> repository.publishedAt(sql, tenant, brand, at))
                .map(version -> policies(version));
    }

    /**
     * The SLA policies of every published version of the brand, oldest first: for callers that ask about many instants
     * at once (the inbox pins a batch of interactions to the version in force when each arrived).
     */
    public Mono<List<PublishedSlaPolicies>> publishedSlaHistory(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.publishedVersions(sql, tenant, brand)
                .map(Guidelines::policies).collectList());
    }

    private static PublishedSlaPolicies policies(GuidelineVersion version) {
        return new PublishedSlaPolicies(version.brand(), version.number(), version.publishedAt(),
                version.content().slaPolicies());
    }

    /** The escalation chain of the brand's guidelines version {@code number} (the one an inbox item pinned). */
    public Mono<List<EscalationStep>> escalationChain(TenantId tenant, BrandId brand, int number) {
        return transactions.inTenant(tenant, sql -> repository.findByNumber(sql, tenant, brand, number))
                .map(version -> version.content().escalation())
                .defaultIfEmpty(List.of());
    }

    /** {@link #publishedSlaPolicies} of a brand the caller may read guidelines of; 404 otherwise or while none. */
    public Mono<PublishedSlaPolicies> slaPolicies(Actor actor, BrandId brand) {
        return readable(actor, brand)
                .then(publishedSlaPolicies(actor.requireTenant(), brand))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand's published guidelines")));
    }

    /** Starts the next version from the latest published content (or empty); 409 when a draft exists. */
    public Mono<GuidelineVersion> createDraft(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return changeable(actor, brand).then(transactions.inTenant(tenant, sql -> repository.findDraft(sql, tenant, brand)
                        .flatMap(existing -> Mono.<GuidelineVersion>error(draftExists(existing)))
                        .switchIfEmpty(Mono.defer(() -> repository.findLatestPublished(sql, tenant, brand)
                                .map(GuidelineVersion::content)
                                .defaultIfEmpty(GuidelineContent.EMPTY)
                                .flatMap(content -> repository.insertDraft(sql, tenant, brand, content))
                                .flatMap(draft -> record(sql, actor, "guidelines.draft-created", draft, null))))))
                // a concurrent request created the draft first
                .onErrorMap(SqlErrors::isUniqueViolation, raced -> ApiProblem.conflict(
                        "The brand already has a guidelines draft; edit or publish it."));
    }

    /** Replaces the draft's content if the draft still has {@code expectedVersion} (else 412). */
    public Mono<GuidelineVersion> replaceDraft(Actor actor, BrandId brand, int expectedVersion, GuidelineContent content) {
        ContentRules.require(content);
        return editingDraft(actor, brand, expectedVersion, (sql, draft) ->
                repository.replaceDraft(sql, actor.requireTenant(), draft, content, expectedVersion)
                        .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                        .flatMap(updated -> record(sql, actor, "guidelines.draft-replaced", updated, draft.snapshot())));
    }

    /** Publishes the draft and assigns it to the brand's team as it is now. */
    public Mono<GuidelineVersion> publish(Actor actor, BrandId brand, int expectedVersion) {
        return teams.team(actor, brand)
                .flatMap(team -> editingDraft(actor, brand, expectedVersion, (sql, draft) -> {
                    if (draft.content().policyFor(SlaPolicy.Priority.NORMAL).isEmpty()) {
                        return Mono.error(ApiProblem.conflict("The draft needs an SLA policy for priority normal "
                                + "before it can be published."));
                    }
                    return repository.publish(sql, actor.requireTenant(), draft, expectedVersion, team)
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(published -> record(sql, actor, "guidelines.published", published,
                                    draft.snapshot()));
                }));
    }

    /**
     * The caller acknowledges the brand's current version; only members it was assigned to may (403 otherwise).
     * Acknowledging again changes nothing.
     */
    public Mono<GuidelineVersion> acknowledge(Actor actor, BrandId brand, int number) {
        TenantId tenant = actor.requireTenant();
        return changeable(actor, brand).then(transactions.inTenant(tenant, sql ->
                repository.findByNumber(sql, tenant, brand, number)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Guidelines version " + number)))
                        .zipWith(repository.findLatestPublished(sql, tenant, brand).map(GuidelineVersion::number)
                                .defaultIfEmpty(0))
                        .flatMap(found -> acknowledgeCurrent(sql, actor, found.getT1(), found.getT2()))));
    }

    private Mono<GuidelineVersion> acknowledgeCurrent(DSLContext sql, Actor actor, GuidelineVersion version,
                                                      int currentNumber) {
        if (version.number() != currentNumber) {
            return Mono.error(ApiProblem.conflict("Version " + version.number() + " is not the current published "
                    + "guidelines" + (currentNumber > 0 ? "; acknowledge version " + currentNumber + "." : ".")));
        }
        Acknowledgment assignment = version.assignmentOf(actor.userId()).orElseThrow(() -> ApiProblem.forbidden(
                "Version " + version.number() + " was not assigned to you; the brand's team at publishing "
                        + "acknowledges it."));
        if (!assignment.pending()) {
            return Mono.just(version);
        }
        TenantId tenant = actor.requireTenant();
        return repository.acknowledge(sql, tenant, version.id(), actor.userId())
                .then(repository.findByNumber(sql, tenant, version.brand(), version.number()))
                .flatMap(acknowledged -> audit.record(sql, tenant, AuditActor.of(actor),
                        new AuditEntry("guidelines.acknowledged", "guideline-version", version.id(), null,
                                Map.of("number", version.number(), "memberId", actor.userId().toString()),
                                version.brand())).thenReturn(acknowledged));
    }

    /** The brand if the caller may read its guidelines: visible, and for client users shared with them. */
    private Mono<Brand> readable(Actor actor, BrandId brand) {
        return brands.get(actor, brand)
                .filter(found -> !actor.isClientUser() || found.settings().clientSeesPlans())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand")));
    }

    private Mono<Brand> changeable(Actor actor, BrandId brand) {
        return brands.get(actor, brand).flatMap(found -> found.status() == BrandStatus.OFFBOARDED
                ? Mono.error(ApiProblem.conflict("The brand is offboarded; its guidelines can no longer change."))
                : Mono.just(found));
    }

    private Mono<GuidelineVersion> editingDraft(Actor actor, BrandId brand, int expectedVersion,
                                                BiFunction<DSLContext, GuidelineVersion, Mono<GuidelineVersion>> change) {
        TenantId tenant = actor.requireTenant();
        return changeable(actor, brand).then(transactions.inTenant(tenant, sql -> repository.findDraft(sql, tenant, brand)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("The brand has no guidelines draft, and "
                        + "published versions never change; start a new draft first.")))
                .flatMap(draft -> draft.version() != expectedVersion ? Mono.error(ApiProblem.preconditionFailed())
                        : change.apply(sql, draft))));
    }

    private Mono<GuidelineVersion> record(DSLContext sql, Actor actor, String action, GuidelineVersion version,
                                          Map<String, ?> before) {
        return audit.record(sql, actor.requireTenant(), AuditActor.of(actor), new AuditEntry(action, "guideline-version",
                version.id(), before, version.snapshot(), version.brand())).thenReturn(version);
    }

    private static ApiProblem draftExists(GuidelineVersion draft) {
        return ApiProblem.conflict("The brand already has a guidelines draft (version " + draft.number()
                + "); edit or publish it.");
    }
}
