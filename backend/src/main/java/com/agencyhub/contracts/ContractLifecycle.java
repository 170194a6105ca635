package com.agencyhub.contracts;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.BrandRef;
import com.agencyhub.contracts.internal.ContractRepository;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.PlannedHours;
import com.agencyhub.pricing.Pricing;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A brand's contracts from draft to end, for agency admins and managers: drafts are priced when their lines are set
 * and change freely; activation puts one in force (never two in one month); ending sets its last month. Every
 * write is audited in the same transaction.
 */
@Service
public class ContractLifecycle {

    /** What a stored monthly price holds (numeric(12, 2)). */
    private static final BigDecimal MAX_MONTHLY_PRICE = new BigDecimal("9999999999.99");

    private final ContractAccess access;
    private final ContractRepository repository;
    private final Quotes quotes;
    private final Activities activities;
    private final Pricing pricing;
    private final Transactions transactions;
    private final AuditLog audit;

    ContractLifecycle(ContractAccess access, ContractRepository repository, Quotes quotes, Activities activities,
                      Pricing pricing, Transactions transactions, AuditLog audit) {
        this.access = access;
        this.repository = repository;
        this.quotes = quotes;
        this.activities = activities;
        this.pricing = pricing;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<List<Contract>> list(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand)
                .flatMap(found -> transactions.inTenant(tenant, sql -> repository.list(sql, tenant, brand)));
    }

    public Mono<Contract> get(Actor actor, BrandId brand, ContractId id) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand)
                .flatMap(found -> transactions.inTenant(tenant, sql -> existing(sql, tenant, brand, id)));
    }

    public Mono<Contract> create(Actor actor, BrandId brand, ContractDraft draft) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> {
            check(draft);
            return transactions.inTenant(tenant, sql -> terms(tenant, found.ref(), draft)
                    .flatMap(terms -> repository.insert(sql, tenant, brand, actor.userId(), terms))
                    .flatMap(created -> audited(sql, actor, "contract.created", null, created)));
        });
    }

    /** Changes a draft if it still has {@code expectedVersion}; sent lines are priced again. */
    public Mono<Contract> update(Actor actor, BrandId brand, ContractId id, int expectedVersion,
                                 ContractDraft changes) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> transactions.inTenant(tenant, sql ->
                draft(sql, tenant, brand, id).flatMap(before -> {
                    ContractDraft merged = merged(before, changes);
                    check(merged);
                    Mono<ContractRepository.Terms> terms = changes.lines() == null
                            ? Mono.just(new ContractRepository.Terms(merged, before.currency(),
                            before.monthlyPrice(), before.lines(), before.quote()))
                            : terms(tenant, found.ref(), merged);
                    return terms.flatMap(changed -> repository.replaceDraft(sql, tenant, brand, id, expectedVersion,
                                    changed))
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(after -> audited(sql, actor, "contract.updated", before, after));
                })));
    }

    public Mono<Void> delete(Actor actor, BrandId brand, ContractId id, int expectedVersion) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> transactions.inTenant(tenant, sql ->
                draft(sql, tenant, brand, id).flatMap(before -> repository.deleteDraft(sql, tenant, id,
                                expectedVersion)
                        .flatMap(deleted -> deleted ? audit.record(sql, tenant, AuditActor.of(actor),
                                entry("contract.deleted", before, null))
                                : Mono.error(ApiProblem.preconditionFailed())))));
    }

    /** Puts a draft with priced lines in force; 409 when another contract of the brand is in force in its months. */
    public Mono<Contract> activate(Actor actor, BrandId brand, ContractId id, int expectedVersion) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> transactions.inTenant(tenant, sql ->
                draft(sql, tenant, brand, id).flatMap(before -> {
                    if (before.lines().isEmpty() || before.monthlyPrice().signum() == 0) {
                        return Mono.error(ApiProblem.conflict("A contract needs planned hours at a price above zero "
                                + "before it is activated; add lines (and set the bill rates) first."));
                    }
                    return repository.activate(sql, tenant, brand, id, expectedVersion, actor.userId())
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(after -> audited(sql, actor, "contract.activated", before, after));
                })));
    }

    /**
     * Sets the last month of an active contract: not before its first month, and not before the brand's current
     * month unless an admin corrects the past.
     */
    public Mono<Contract> end(Actor actor, BrandId brand, ContractId id, int expectedVersion, YearMonth lastMonth) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> transactions.inTenant(tenant, sql ->
                existing(sql, tenant, brand, id).flatMap(before -> {
                    if (before.status() != ContractStatus.ACTIVE) {
                        return Mono.error(ApiProblem.conflict("Only an active contract is ended; this one is "
                                + before.status().name().toLowerCase() + "."));
                    }
                    if (lastMonth.isBefore(before.firstMonth())) {
                        return Mono.error(ApiProblem.invalidField("lastMonth", "is before the contract's first month "
                                + before.firstMonth(), "before-start"));
                    }
                    YearMonth current = YearMonth.now(found.settings().zone());
                    if (lastMonth.isBefore(current) && !actor.has(Role.AGENCY_ADMIN)) {
                        return Mono.error(ApiProblem.invalidField("lastMonth", "is before the brand's current month "
                                + current + "; only agency admins end a contract in the past", "in-the-past"));
                    }
                    return repository.end(sql, tenant, brand, id, expectedVersion, lastMonth)
                            .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                            .flatMap(after -> audited(sql, actor, "contract.ended", before, after));
                })));
    }

    private Mono<Contract> existing(DSLContext sql, TenantId tenant, BrandId brand, ContractId id) {
        return repository.find(sql, tenant, brand, id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The contract")));
    }

    private Mono<Contract> draft(DSLContext sql, TenantId tenant, BrandId brand, ContractId id) {
        return existing(sql, tenant, brand, id).flatMap(contract -> contract.status() == ContractStatus.DRAFT
                ? Mono.just(contract)
                : Mono.error(ApiProblem.conflict("Only drafts change; this contract is "
                + contract.status().name().toLowerCase() + ". End it and draft the next one.")));
    }

    /** The draft's lines priced now: from the brand's current quote, or the planned hours as sent. */
    private Mono<ContractRepository.Terms> terms(TenantId tenant, BrandRef brand, ContractDraft draft) {
        if (draft.fromQuote()) {
            return quotes.current(tenant, brand).map(quote -> new ContractRepository.Terms(draft, quote.currency(),
                    quote.monthlyPrice(), quote.lines().stream().map(line -> new ContractLine(line.activity(),
                            line.timeClass(), line.hoursPerMonth(), line.billRate(), line.surchargePercent(),
                            line.amount())).toList(), quote));
        }
        Set<ActivityId> used = new LinkedHashSet<>();
        draft.lines().forEach(line -> used.add(line.activity()));
        return Flux.fromIterable(used).concatMap(activity -> activities.requireActive(tenant, activity))
                .then(pricing.priceLines(tenant, brand.id(), draft.lines()))
                .map(priced -> {
                    if (priced.total().compareTo(MAX_MONTHLY_PRICE) > 0) {
                        throw ApiProblem.invalidField("lines", "price the month above " + MAX_MONTHLY_PRICE,
                                "too-large");
                    }
                    return new ContractRepository.Terms(draft, priced.currency(), priced.total(),
                            priced.lines().stream().map(ContractLine::of).toList(), null);
                });
    }

    private static ContractDraft merged(Contract before, ContractDraft changes) {
        return new ContractDraft(
                changes.firstMonth() == null ? before.firstMonth() : changes.firstMonth(),
                changes.lastMonth() == null ? before.lastMonth() : changes.lastMonth(),
                changes.overageRate() == null ? before.overageRate() : changes.overageRate(),
                changes.carryOver() == null ? before.carryOver() : changes.carryOver(),
                changes.alertThresholds() == null ? before.alertThresholds() : changes.alertThresholds(),
                changes.lines() == null ? before.lines().stream().map(line -> new PlannedHours(line.activity(),
                        line.timeClass(), line.plannedHours())).toList() : changes.lines(),
                false,
                changes.note() == null ? before.note() : changes.note().isEmpty() ? null : changes.note());
    }

    /** The rules of a whole draft that no single field shows; 400 naming the field. */
    private static void check(ContractDraft draft) {
        if (draft.lastMonth() != null && draft.lastMonth().isBefore(draft.firstMonth())) {
            throw ApiProblem.invalidField("lastMonth", "is before startMonth " + draft.firstMonth(), "before-start");
        }
        if (draft.fromQuote() && !draft.lines().isEmpty()) {
            throw ApiProblem.invalidField("lines", "must be left out with fromQuote: the quote's lines are taken",
                    "with-quote");
        }
        Set<Object> seen = new LinkedHashSet<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            PlannedHours line = draft.lines().get(i);
            if (!seen.add(List.of(line.activity(), line.timeClass()))) {
                throw ApiProblem.invalidField("lines[" + i + "]", "plans the same activity and time class twice",
                        "duplicate");
            }
        }
    }

    private Mono<Contract> audited(DSLContext sql, Actor actor, String action, Contract before, Contract after) {
        return audit.record(sql, actor.requireTenant(), AuditActor.of(actor), entry(action, before, after))
                .thenReturn(after);
    }

    private static AuditEntry entry(String action, Contract before, Contract after) {
        Contract subject = after == null ? before : after;
        Map<String, Object> beforeSnapshot = before == null ? null : before.snapshot();
        Map<String, Object> afterSnapshot = after == null ? null : after.snapshot();
        return new AuditEntry(action, "contract", subject.id().value(), beforeSnapshot, afterSnapshot,
                subject.brand());
    }
}
