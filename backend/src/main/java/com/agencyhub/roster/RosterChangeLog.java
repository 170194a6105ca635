package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.roster.internal.RosterChangeRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records what a roster write changes in members' duty (docs/rosters.md, "Changes per member"): inside the write's
 * transaction, the affected brands are resolved over the affected window before and after the write, and the
 * differences are stored with the write as their cause; one write of an agency at a time, so that each finds only its
 * own changes. Comparing resolved timelines, rather than reasoning about what a write should change, also catches the
 * knock-on effects: the deputy who stands in, the overridden member. Each member whose duty changed is told
 * ({@link RosterChangeNotices}), in the same transaction.
 */
@Component
class RosterChangeLog {

    /** How far ahead changes are recorded: further out the plan still moves, and resolving costs time. */
    static final Duration HORIZON = Duration.ofDays(7 * 8);
    /** What a rotation touches: all its turns, so the whole horizon. */
    static final Interval ANY_TIME = new Interval(Instant.MIN, Instant.MAX);

    private final RosterInputs inputs;
    private final Brands brands;
    private final RosterChangeRepository repository;
    private final RosterChangeNotices notices;

    RosterChangeLog(RosterInputs inputs, Brands brands, RosterChangeRepository repository,
                    RosterChangeNotices notices) {
        this.inputs = inputs;
        this.brands = brands;
        this.repository = repository;
        this.notices = notices;
    }

    /**
     * Runs the write on {@code sql}'s transaction and records the changes it makes to the duty on {@code affected}
     * brands during {@code touched} (cut to the horizon); the write's result is passed on.
     */
    <T> Mono<T> recording(DSLContext sql, Actor actor, Set<BrandId> affected, Interval touched,
                          RosterChange.Cause cause, Supplier<Mono<T>> write) {
        TenantId tenant = actor.requireTenant();
        return ahead(touched)
                .map(window -> repository.lock(sql, tenant)
                        .then(brands.refs(tenant, affected))
                        .flatMap(refs -> inputs.forBrands(tenant, current(refs.values()), window.from(), window.to()))
                        .flatMap(before -> recorded(sql, actor, window, before, cause, write)))
                .orElseGet(write);
    }

    /** Like {@link #recording}, for an absence of {@code absent}: it concerns the brands they may be on duty for. */
    <T> Mono<T> recordingAbsence(DSLContext sql, Actor actor, UserId absent, Interval touched,
                                 RosterChange.Cause cause, Supplier<Mono<T>> write) {
        TenantId tenant = actor.requireTenant();
        return ahead(touched)
                .map(window -> repository.lock(sql, tenant)
                        .then(inputs.forMember(tenant, absent, window.from(), window.to()))
                        .flatMap(before -> recorded(sql, actor, window, before, cause, write)))
                .orElseGet(write);
    }

    private <T> Mono<T> recorded(DSLContext sql, Actor actor, Interval window, List<BrandRoster> before,
                                 RosterChange.Cause cause, Supplier<Mono<T>> write) {
        TenantId tenant = actor.requireTenant();
        List<BrandRef> resolved = before.stream().map(BrandRoster::brand).toList();
        Map<BrandId, BrandRef> names = resolved.stream().collect(Collectors.toMap(BrandRef::id, ref -> ref));
        return write.get().singleOptional()
                .flatMap(result -> inputs.forBrands(tenant, resolved, window.from(), window.to())
                        .flatMap(after -> {
                            List<DutyChange> changes = changes(before, after);
                            return repository.insert(sql, tenant, changes, cause, actor.userId())
                                    .flatMap(ids -> notices.enqueue(actor, changes, ids, names, cause));
                        })
                        .then(Mono.justOrEmpty(result)));
    }

    /** The brands' changes; {@code after} holds the same brands in the same order as {@code before}. */
    private static List<DutyChange> changes(List<BrandRoster> before, List<BrandRoster> after) {
        List<DutyChange> changes = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            changes.addAll(DutyChanges.between(before.get(i).brand().id(), before.get(i).resolve(),
                    after.get(i).resolve()));
        }
        return changes;
    }

    /** Nobody is on duty for an offboarded brand, whatever its roster says (as for a member's shifts). */
    private static List<BrandRef> current(Iterable<BrandRef> refs) {
        List<BrandRef> current = new ArrayList<>();
        refs.forEach(ref -> {
            if (ref.status() != BrandStatus.OFFBOARDED) {
                current.add(ref);
            }
        });
        return current;
    }

    /** The part of {@code touched} between now (to the minute, so that changes read plainly) and the horizon. */
    private static Optional<Interval> ahead(Interval touched) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = touched.from().isAfter(now) ? touched.from() : now;
        Instant horizon = now.plus(HORIZON);
        Instant to = touched.to().isBefore(horizon) ? touched.to() : horizon;
        return to.isAfter(from) ? Optional.of(new Interval(from, to)) : Optional.empty();
    }
}
