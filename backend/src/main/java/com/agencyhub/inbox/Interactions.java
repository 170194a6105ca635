package com.agencyhub.inbox;

import com.agencyhub.brands.Brands;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.businesstime.SlaHistory;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.internal.InteractionEventRepository;
import com.agencyhub.inbox.internal.InteractionRepository;
import com.agencyhub.members.Members;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The inbox's interactions once they arrived: lists, one item, its events, and the lifecycle (docs/inbox.md,
 * "Lifecycle and clocks"). Staff of the agency see every brand's items; every change checks the ETag's version,
 * appends its events and counts the item's version up in one transaction.
 */
@Service
public class Interactions {

    private final InteractionRepository interactions;
    private final InteractionEventRepository events;
    private final Brands brands;
    private final BrandCalendars calendars;
    private final Members members;
    private final Transactions transactions;

    public Interactions(InteractionRepository interactions, InteractionEventRepository events, Brands brands,
                        BrandCalendars calendars, Members members, Transactions transactions) {
        this.interactions = interactions;
        this.events = events;
        this.brands = brands;
        this.calendars = calendars;
        this.members = members;
        this.transactions = transactions;
    }

    /** A brand's items (404 for a brand the caller may not see), or the agency's ({@code filter.brand()} null). */
    public Mono<Page<Interaction>> list(Actor actor, InteractionRepository.Filter filter, boolean brandPath, int limit,
                                        String cursor) {
        TenantId tenant = actor.requireTenant();
        Mono<Void> brandVisible = brandPath ? brands.get(actor, filter.brand()).then() : Mono.empty();
        return transactions.inTenant(tenant, sql -> brandVisible
                .then(interactions.list(sql, tenant, filter, limit, cursor)));
    }

    public Mono<Interaction> get(Actor actor, InteractionId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, actor, id));
    }

    public Mono<Page<InteractionEvent>> events(Actor actor, InteractionId id, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, actor, id)
                .then(events.list(sql, tenant, id, limit, cursor)));
    }

    /** Records a reply by {@code member} (current staff; default the caller) on {@code channel} (default the item's). */
    public Mono<Interaction> reply(Actor actor, InteractionId id, int expectedVersion, Instant at, UserId member,
                                   String channel) {
        UserId by = member == null ? actor.userId() : member;
        return change(actor, id, expectedVersion, currentStaff(actor, by, "memberId"), (item, clock) ->
                InteractionLifecycle.reply(item, at, by, channel == null ? item.channel() : channel, clock,
                        Instant.now()));
    }

    public Mono<Interaction> resolve(Actor actor, InteractionId id, int expectedVersion, Instant at) {
        return change(actor, id, expectedVersion, Mono.empty(), (item, clock) ->
                InteractionLifecycle.resolve(item, at, actor.userId(), clock, Instant.now()));
    }

    public Mono<Interaction> reopen(Actor actor, InteractionId id, int expectedVersion, Instant at) {
        return change(actor, id, expectedVersion, Mono.empty(), (item, clock) ->
                InteractionLifecycle.reopen(item, at, actor.userId(), clock, Instant.now()));
    }

    /** The agency waits for the customer from {@code at}: the item's resolution clock pauses. */
    public Mono<Interaction> startWaiting(Actor actor, InteractionId id, int expectedVersion, Instant at, String note) {
        return change(actor, id, expectedVersion, Mono.empty(), (item, clock) ->
                InteractionLifecycle.startWaiting(item, at, actor.userId(), note, clock, Instant.now()));
    }

    public Mono<Interaction> resume(Actor actor, InteractionId id, int expectedVersion, Instant at) {
        return change(actor, id, expectedVersion, Mono.empty(), (item, clock) ->
                InteractionLifecycle.resume(item, at, actor.userId(), clock, Instant.now()));
    }

    /** Assigns the item to current staff of the agency (staff see every brand), or to nobody. */
    public Mono<Interaction> assign(Actor actor, InteractionId id, int expectedVersion, UserId assignee) {
        Mono<Void> check = assignee == null ? Mono.empty() : currentStaff(actor, assignee, "assigneeId");
        return change(actor, id, expectedVersion, check, (item, clock) ->
                InteractionLifecycle.assign(item, assignee, actor.userId(), Instant.now()));
    }

    private interface Step {
        InteractionLifecycle.Change apply(Interaction item, InteractionLifecycle.Clock clock);
    }

    /** Finds the item (404 first), then checks the request ({@code check}) and the ETag, then applies the step. */
    private Mono<Interaction> change(Actor actor, InteractionId id, int expectedVersion, Mono<Void> check, Step step) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> found(sql, actor, id).flatMap(item -> check.then(Mono.defer(() -> {
            if (item.version() != expectedVersion) {
                return Mono.error(ApiProblem.preconditionFailed());
            }
            return clock(tenant, item).flatMap(clock -> {
                InteractionLifecycle.Change change = step.apply(item, clock);
                return interactions.update(sql, tenant, change.interaction(), expectedVersion)
                        .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                        .flatMap(updated -> events.append(sql, tenant, change.events()).thenReturn(updated));
            });
        }))));
    }

    /** The pinned business calendar, read only for an item whose SLA counts business time. */
    private Mono<InteractionLifecycle.Clock> clock(TenantId tenant, Interaction item) {
        if (item.sla() == null || item.sla().clock() == SlaPolicy.Clock.CALENDAR) {
            return Mono.just(calendarClock());
        }
        int strategyVersion = item.sla().strategyVersion();
        return brands.refs(tenant, Set.of(item.brand()))
                .flatMap(refs -> calendars.slaHistory(tenant, refs.get(item.brand())))
                .map(history -> businessClock(history, strategyVersion));
    }

    private static InteractionLifecycle.Clock calendarClock() {
        return new InteractionLifecycle.Clock() {
            @Override
            public Duration between(Instant from, Instant to) {
                return Duration.between(from, to);
            }

            @Override
            public Instant add(Instant start, Duration amount) {
                return start.plus(amount);
            }
        };
    }

    private static InteractionLifecycle.Clock businessClock(SlaHistory history, int strategyVersion) {
        return new InteractionLifecycle.Clock() {
            @Override
            public Duration between(Instant from, Instant to) {
                return history.calendar(strategyVersion).between(from, to);
            }

            @Override
            public Instant add(Instant start, Duration amount) {
                return history.add(strategyVersion, start, amount);
            }
        };
    }

    private Mono<Interaction> found(DSLContext sql, Actor actor, InteractionId id) {
        TenantId tenant = actor.requireTenant();
        return interactions.find(sql, tenant, id)
                .filter(item -> actor.maySee(item.brand()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The interaction")));
    }

    private Mono<Void> currentStaff(Actor actor, UserId member, String field) {
        return members.currentStaff(actor.requireTenant(), List.of(member)).flatMap(staff -> staff.contains(member)
                ? Mono.empty() : Mono.error(ApiProblem.invalidField(field, "must be a current staff member of the "
                + "agency", "unknown")));
    }
}
