package com.agencyhub.roster;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.roster.internal.OverrideRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One-off changes to the roster: a member covering a stretch instead of whoever is scheduled, and shift swaps as a
 * pair of overrides. Admins and managers make any; social-media managers those that concern themselves.
 */
@Service
public class Overrides {

    private final OverrideRepository repository;
    private final RosterReferences references;
    private final Transactions transactions;
    private final AuditLog audit;
    private final RosterChangeLog changes;

    Overrides(OverrideRepository repository, RosterReferences references, Transactions transactions, AuditLog audit,
              RosterChangeLog changes) {
        this.repository = repository;
        this.references = references;
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
    }

    /** A member's stretch in a swap. */
    public record Shift(UserId member, Instant from, Instant to) {
    }

    public Mono<Page<StoredOverride>> list(Actor actor, Instant from, Instant to, UserId member, BrandId brand,
                                           int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, from, to, member, brand, limit,
                cursor));
    }

    public Mono<StoredOverride> get(Actor actor, OverrideId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(Overrides::notFound));
    }

    public Mono<StoredOverride> create(Actor actor, Shift shift, Set<BrandId> brands, String note) {
        TenantId tenant = actor.requireTenant();
        OverrideId id = new OverrideId(UUID.randomUUID());
        ShiftOverride override = new ShiftOverride(shift.member(), shift.from(), shift.to(), brands, Instant.now());
        return references.requireBrands(tenant, brands)
                .then(Mono.fromRunnable(() -> {
                    if (!RosterReferences.plans(actor) && !shift.member().equals(actor.userId())) {
                        throw ApiProblem.forbidden("Social-media managers may only take shifts over themselves.");
                    }
                }))
                .then(checked(tenant, brands, Map.of("memberId", shift.member())))
                .then(transactions.inTenant(tenant, sql -> changes.recording(sql, actor, brands,
                        new Interval(shift.from(), shift.to()), RosterChange.Cause.of(id),
                        () -> store(sql, actor, id, override, null, note))));
    }

    /** The second member covers the first's shift and the first the second's; both overrides or neither. */
    public Mono<List<StoredOverride>> swap(Actor actor, Shift first, Shift second, Set<BrandId> brands, String note) {
        TenantId tenant = actor.requireTenant();
        if (first.member().equals(second.member())) {
            throw ApiProblem.invalidField("second.memberId", "must differ from first.memberId", "same-member");
        }
        UUID swap = UUID.randomUUID();
        Instant now = Instant.now();
        ShiftOverride secondCoversFirst = new ShiftOverride(second.member(), first.from(), first.to(), brands,
                Optional.of(first.member()), now);
        ShiftOverride firstCoversSecond = new ShiftOverride(first.member(), second.from(), second.to(), brands,
                Optional.of(second.member()), now);
        return references.requireBrands(tenant, brands)
                .then(Mono.fromRunnable(() -> {
                    if (!RosterReferences.plans(actor) && !first.member().equals(actor.userId())
                            && !second.member().equals(actor.userId())) {
                        throw ApiProblem.forbidden("Social-media managers may only record swaps they are part of.");
                    }
                }))
                .then(checked(tenant, brands, Map.of("first.memberId", first.member(), "second.memberId",
                        second.member())))
                .then(transactions.inTenant(tenant, sql -> changes.recording(sql, actor, brands,
                        span(List.of(secondCoversFirst, firstCoversSecond)), RosterChange.Cause.swap(swap),
                        () -> store(sql, actor, new OverrideId(UUID.randomUUID()), secondCoversFirst, swap, note)
                                .flatMap(one -> store(sql, actor, new OverrideId(UUID.randomUUID()),
                                        firstCoversSecond, swap, note)
                                        .map(other -> List.of(one, other))))));
    }

    /** Deletes the override, and the other half of a swap with it. */
    public Mono<Void> delete(Actor actor, OverrideId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id)
                .switchIfEmpty(Mono.error(Overrides::notFound))
                .flatMap(found -> {
                    if (!RosterReferences.plans(actor) && !concerns(found, actor.userId())) {
                        return Mono.error(ApiProblem.forbidden("Social-media managers may only delete overrides "
                                + "they created or that name them."));
                    }
                    // read to the end before deleting: one connection runs one statement at a time
                    return repository.withPartner(sql, tenant, found).collectList();
                })
                .flatMap(doomed -> changes.recording(sql, actor, brandsOf(doomed),
                        span(doomed.stream().map(StoredOverride::override).toList()), causeOf(doomed.get(0)),
                        () -> Flux.fromIterable(doomed)
                                .concatMap(override -> repository.delete(sql, tenant, override.id())
                                        .then(audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                "roster-override.deleted", "roster-override",
                                                override.id().value(), override.snapshot(), null))))
                                .then())));
    }

    private static RosterChange.Cause causeOf(StoredOverride override) {
        return override.swapId() == null ? RosterChange.Cause.of(override.id())
                : RosterChange.Cause.swap(override.swapId());
    }

    private static Set<BrandId> brandsOf(List<StoredOverride> overrides) {
        Set<BrandId> brands = new HashSet<>();
        overrides.forEach(override -> brands.addAll(override.override().brands()));
        return brands;
    }

    /**
     * What the overrides may change: from the earliest start to the latest end (between the halves of a swap nothing
     * changes, which costs only resolving it).
     */
    private static Interval span(List<ShiftOverride> overrides) {
        Instant from = overrides.stream().map(ShiftOverride::from).min(Instant::compareTo).orElseThrow();
        Instant to = overrides.stream().map(ShiftOverride::to).max(Instant::compareTo).orElseThrow();
        return new Interval(from, to);
    }

    private static boolean concerns(StoredOverride override, UserId member) {
        return override.createdBy().equals(member) || override.override().member().equals(member)
                || override.override().swapWith().map(member::equals).orElse(false);
    }

    /** After the brands: the members are staff who may watch them. */
    private Mono<Void> checked(TenantId tenant, Set<BrandId> brands, Map<String, UserId> members) {
        return references.requireStaff(tenant, members)
                .then(references.requireWatchers(tenant, brands, List.copyOf(members.values())));
    }

    private Mono<StoredOverride> store(DSLContext sql, Actor actor, OverrideId id, ShiftOverride override, UUID swap,
                                       String note) {
        TenantId tenant = actor.requireTenant();
        return repository.insert(sql, tenant, id, override, swap, note, actor.userId())
                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                "roster-override.created", "roster-override", created.id().value(), null,
                                created.snapshot()))
                        .thenReturn(created));
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("The override");
    }
}
