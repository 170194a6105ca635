package com.agencyhub.timesheets;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.Members;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Pricing;
import com.agencyhub.pricing.TimeToPrice;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.internal.TimeEntryRepository;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The path every time entry takes into the database, whoever books it (by hand, a timer, the duty): the references it
 * names, its month open, no overlap with the member's other entries, priced, stored, audited, and the modules above
 * told which brand-months changed.
 */
@Component
class Booking {

    private final TimeEntryRepository entries;
    private final MonthCloses months;
    private final Pricing pricing;
    private final Activities activities;
    private final Brands brands;
    private final Members members;
    private final List<HoursBooked> listeners;
    private final Transactions transactions;
    private final AuditLog audit;

    Booking(TimeEntryRepository entries, MonthCloses months, Pricing pricing, Activities activities, Brands brands,
            Members members, List<HoursBooked> listeners, Transactions transactions, AuditLog audit) {
        this.entries = entries;
        this.months = months;
        this.pricing = pricing;
        this.activities = activities;
        this.brands = brands;
        this.members = members;
        this.listeners = List.copyOf(listeners);
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Admins and managers book, change and correct anyone's time; the others their own. */
    static boolean managesHours(Actor actor) {
        return actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
    }

    /** The zone of a brand the caller may see; 404 for another agency's or an unknown brand. */
    Mono<ZoneId> zone(Actor actor, BrandId brand) {
        if (!actor.maySee(brand)) {
            return Mono.error(Booking::brandNotFound);
        }
        return brands.zones(actor.requireTenant(), Set.of(brand))
                .flatMap(zones -> zones.containsKey(brand) ? Mono.just(zones.get(brand))
                        : Mono.error(Booking::brandNotFound));
    }

    Mono<Void> requireActivity(TenantId tenant, ActivityId activity) {
        return activities.requireActive(tenant, activity).then();
    }

    /** The member is current staff of the agency; 400 naming {@code field} otherwise. */
    Mono<Void> requireStaff(TenantId tenant, UserId member, String field) {
        return members.currentStaff(tenant, List.of(member)).flatMap(staff -> staff.contains(member) ? Mono.empty()
                : Mono.error(ApiProblem.invalidField(field, "is not current staff of the agency", "unknown-member")));
    }

    Mono<Void> lockMembers(DSLContext sql, TenantId tenant, Collection<UserId> members) {
        return entries.lockMembers(sql, tenant, members);
    }

    /** 409 naming the member's first entry that {@code time} overlaps (a date entry overlaps nothing). */
    Mono<Void> requireNoOverlap(DSLContext sql, TenantId tenant, UserId member, WorkTime time, TimeEntryId except) {
        if (!time.isTimed()) {
            return Mono.empty();
        }
        return entries.overlapping(sql, tenant, member, time.start(), time.end(), except).next()
                .flatMap(other -> Mono.error(overlap(other)));
    }

    /**
     * Prices and stores a new entry whose months the caller checked (or that {@link #book} checks) under the member's
     * lock, and audits it.
     */
    Mono<TimeEntry> store(DSLContext sql, Actor actor, TimeEntry draft) {
        TenantId tenant = actor.requireTenant();
        return priced(tenant, draft)
                .flatMap(priced -> entries.insert(sql, tenant, priced))
                .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), entry("time-entry.created",
                        created, null, created.snapshot())).thenReturn(created));
    }

    /** The whole path of one new entry in the caller's transaction: lock, open month, no overlap, store. */
    Mono<TimeEntry> book(DSLContext sql, Actor actor, TimeEntry draft) {
        TenantId tenant = actor.requireTenant();
        return entries.lockMembers(sql, tenant, List.of(draft.member()))
                .then(months.requireOpen(sql, tenant, List.of(draft.month())))
                .then(requireNoOverlap(sql, tenant, draft.member(), draft.time(), null))
                .then(Mono.defer(() -> store(sql, actor, draft)));
    }

    /** The entry with the rates and amounts that apply now. */
    Mono<TimeEntry> priced(TenantId tenant, TimeEntry draft) {
        WorkTime time = draft.time();
        TimeToPrice what = time.isTimed() ? new TimeToPrice.Interval(time.start(), time.end())
                : new TimeToPrice.OnDate(time.date(), time.minutes());
        return pricing.priceTime(tenant, draft.brand(), draft.activity(), draft.member(), what, draft.billable())
                .map(price -> new TimeEntry(draft.id(), draft.member(), draft.brand(), draft.activity(),
                        draft.workDate(), draft.start(), draft.end(), draft.minutes(), draft.billable(), draft.note(),
                        draft.source(), draft.adjusts(), price.billRate(), price.costRate(), price.surchargeAmount(),
                        price.billAmount(), price.costAmount(), draft.version(), draft.createdBy(), draft.createdAt(),
                        draft.updatedAt()));
    }

    /** Tells every {@link HoursBooked} bean about each brand-month, in the writing transaction. */
    Mono<Void> told(TenantId tenant, Collection<BrandMonth> changed) {
        return Flux.fromIterable(new LinkedHashSet<>(changed))
                .concatMap(brandMonth -> Flux.fromIterable(listeners)
                        .concatMap(listener -> listener.booked(tenant, brandMonth.brand(), brandMonth.month())))
                .then();
    }

    /**
     * Runs a write of entries in one agency transaction; when the exclusion constraint refuses an overlap that slipped
     * past the check, answers 409 naming the entry it overlaps, read after the rollback.
     */
    <T> Mono<T> writing(TenantId tenant, UserId member, WorkTime time, TimeEntryId except,
                        Function<DSLContext, Mono<T>> write) {
        return transactions.inTenant(tenant, write)
                .onErrorResume(SqlErrors::isExclusionViolation, refused -> transactions.inTenant(tenant, sql ->
                                requireNoOverlap(sql, tenant, member, time, except))
                        .then(Mono.error(() -> ApiProblem.conflict("The entry overlaps another entry of the member."))));
    }

    static ApiProblem overlap(TimeEntry other) {
        return ApiProblem.conflict("The member already has an entry from " + other.start() + " to " + other.end()
                        + " (" + other.id() + "); one member is never booked twice for the same moment.")
                .with("conflictingEntryId", other.id().value());
    }

    static AuditEntry entry(String action, TimeEntry entry, Map<String, ?> before,
                            Map<String, ?> after) {
        return new AuditEntry(action, "time-entry", entry.id().value(), before, after, entry.brand());
    }

    static ApiProblem brandNotFound() {
        return ApiProblem.notFound("The brand");
    }
}
