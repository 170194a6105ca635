package com.agencyhub.strategy;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.Channel;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.strategy.internal.StrategyRepository;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Working on a brand's strategy: a new draft starts as a copy of the latest approved version, is replaced as a
 * whole and approved once complete. Approved versions never change. Every change is audited with the brand id.
 */
@Service
public class StrategyDrafts {

    private final StrategyRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Brands brands;
    private final Members members;

    public StrategyDrafts(StrategyRepository repository, Transactions transactions, AuditLog audit, Brands brands,
                          Members members) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.brands = brands;
        this.members = members;
    }

    /** Starts the next version from the latest approved one (or empty); 409 while a draft exists. */
    public Mono<StrategyVersion> create(Actor actor, BrandId id) {
        TenantId tenant = actor.requireTenant();
        Mono<StrategyVersion> created = transactions.inTenant(tenant, sql -> repository.draft(sql, tenant, id)
                .flatMap(existing -> Mono.<StrategyVersion>error(draftExists(existing.number())))
                .switchIfEmpty(Mono.defer(() -> repository.latestApproved(sql, tenant, id)
                        .map(StrategyVersion::content)
                        .defaultIfEmpty(StrategyContent.EMPTY)
                        .flatMap(content -> repository.insertDraft(sql, tenant, id, content))
                        .flatMap(draft -> record(sql, tenant, actor, "strategy.draft-created", draft,
                                snapshot(draft, List.of()))))));
        return changeable(actor, id).then(created)
                // a concurrent request stored its draft first
                .onErrorMap(SqlErrors::isUniqueViolation, raced -> draftExists(0));
    }

    /** Replaces the draft's content if it still has {@code expectedVersion} (else 412); invalid content: 400. */
    public Mono<StrategyVersion> replace(Actor actor, BrandId id, int expectedVersion, StrategyContent content) {
        TenantId tenant = actor.requireTenant();
        return changeable(actor, id)
                .flatMap(brand -> validate(tenant, brand, content))
                .then(editing(tenant, id, expectedVersion, (sql, draft) ->
                        repository.updateDraft(sql, tenant, draft, content, expectedVersion)
                                .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                                .flatMap(updated -> record(sql, tenant, actor, "strategy.draft-updated", updated,
                                        snapshot(updated, StrategyDiff.between(draft, updated).changes())))));
    }

    /** Approves the draft if it still has {@code expectedVersion} (else 412) and is complete (else 409). */
    public Mono<StrategyVersion> approve(Actor actor, BrandId id, int expectedVersion) {
        TenantId tenant = actor.requireTenant();
        return changeable(actor, id).then(editing(tenant, id, expectedVersion, (sql, draft) -> {
            List<ApprovalCheck.Missing> missing = ApprovalCheck.missing(draft.content());
            if (!missing.isEmpty()) {
                return Mono.error(ApprovalCheck.incomplete(missing));
            }
            return repository.approve(sql, tenant, draft, expectedVersion, actor.userId())
                    .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                    .flatMap(approved -> record(sql, tenant, actor, "strategy.approved", approved,
                            snapshot(approved, List.of())));
        }));
    }

    private Mono<Brand> changeable(Actor actor, BrandId id) {
        return brands.get(actor, id).flatMap(brand -> brand.status() == BrandStatus.OFFBOARDED
                ? Mono.error(ApiProblem.conflict("The brand is offboarded; its strategy can no longer change."))
                : Mono.just(brand));
    }

    /** Loads the draft in a transaction and refuses stale versions, then runs the change. */
    private Mono<StrategyVersion> editing(TenantId tenant, BrandId id, int expectedVersion,
                                          BiFunction<DSLContext, StrategyVersion, Mono<StrategyVersion>> change) {
        return transactions.inTenant(tenant, sql -> repository.draft(sql, tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("The brand's strategy has no draft; approved "
                        + "versions never change. Start a new draft first.")))
                .flatMap(draft -> draft.version() != expectedVersion
                        ? Mono.error(ApiProblem.preconditionFailed())
                        : change.apply(sql, draft)));
    }

    private Mono<Void> validate(TenantId tenant, Brand brand, StrategyContent content) {
        Set<String> platforms = brand.settings().channels().stream().map(Channel::platform).collect(Collectors.toSet());
        List<FieldViolation> violations = new ArrayList<>(ContentRules.violations(content, platforms));
        List<UserId> named = content.responsibilities().stream()
                .flatMap(r -> Stream.concat(r.responsibleMemberIds().stream(), r.deputyMemberIds().stream()))
                .toList();
        return members.currentStaff(tenant, named).flatMap(staff -> {
            violations.addAll(unknownMembers(content, staff));
            return violations.isEmpty() ? Mono.empty() : Mono.error(ApiProblem.validation(violations));
        });
    }

    private static List<FieldViolation> unknownMembers(StrategyContent content, Set<UserId> staff) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < content.responsibilities().size(); i++) {
            StrategyContent.TaskResponsibility responsibility = content.responsibilities().get(i);
            String field = "responsibilities[" + i + "].";
            unknown.addAll(unknownMembers(field + "responsibleMemberIds", responsibility.responsibleMemberIds(), staff));
            unknown.addAll(unknownMembers(field + "deputyMemberIds", responsibility.deputyMemberIds(), staff));
        }
        return unknown;
    }

    private static List<FieldViolation> unknownMembers(String field, List<UserId> ids, Set<UserId> staff) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!staff.contains(ids.get(i))) {
                unknown.add(new FieldViolation(field + "[" + i + "]",
                        "is not an invited or active staff member of this agency", "unknown-member"));
            }
        }
        return unknown;
    }

    private Mono<StrategyVersion> record(DSLContext sql, TenantId tenant, Actor actor, String action,
                                         StrategyVersion version, Map<String, Object> after) {
        return audit.record(sql, tenant, AuditActor.of(actor),
                        new AuditEntry(action, "strategy", version.brand().value(), null, after, version.brand()))
                .thenReturn(version);
    }

    /** The version's number and status, and for an edited draft what changed. */
    private static Map<String, Object> snapshot(StrategyVersion version, List<StrategyDiff.Change> changes) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("number", version.number());
        snapshot.put("status", Slugs.of(version.status()));
        if (!changes.isEmpty()) {
            snapshot.put("changes", changes.stream().map(change -> change.section() + " "
                    + Slugs.of(change.kind()) + ": " + change.item()).toList());
        }
        return snapshot;
    }

    private static ApiProblem draftExists(int number) {
        return ApiProblem.conflict("The brand's strategy already has a draft"
                + (number > 0 ? " (version " + number + ")." : "."));
    }
}
