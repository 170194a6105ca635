package com.agencyhub.timesheets;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Money;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.internal.TimeEntryRepository;
import com.agencyhub.timesheets.internal.TimeEntryRepository.AdjustedTotals;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Time entries (docs/timesheets.md): staff book, change and delete their own entries of open months, admins and
 * managers anyone's; social-media managers see only their own. Entries of closed months are corrected by adjustments
 * in the open month.
 */
@Service
public class TimeEntries {

    private final TimeEntryRepository repository;
    private final Booking booking;
    private final MonthCloses months;
    private final Transactions transactions;
    private final AuditLog audit;

    TimeEntries(TimeEntryRepository repository, Booking booking, MonthCloses months, Transactions transactions,
                AuditLog audit) {
        this.repository = repository;
        this.booking = booking;
        this.months = months;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** A new entry; {@code member} null books for the caller, {@code note} null for none. */
    public record NewEntry(UserId member, BrandId brand, ActivityId activity, WorkTime time, boolean billable,
                           String note) {
    }

    /** A partial change: null parts stay as they are; {@code note} "" clears the note. */
    public record Changes(UserId member, BrandId brand, ActivityId activity, WorkTime time, Boolean billable,
                          String note) {
    }

    public Mono<Page<TimeEntry>> list(Actor actor, TimeEntryFilter filter, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        if (!Booking.managesHours(actor) && filter.member() != null && !filter.member().equals(actor.userId())) {
            return Mono.just(new Page<>(List.of(), null));
        }
        TimeEntryFilter seen = Booking.managesHours(actor) ? filter : filter.ofMember(actor.userId());
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, seen, limit, cursor));
    }

    public Mono<TimeEntry> get(Actor actor, TimeEntryId id) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> visible(sql, actor, id));
    }

    public Mono<TimeEntry> create(Actor actor, NewEntry entry) {
        TenantId tenant = actor.requireTenant();
        UserId member = entry.member() == null ? actor.userId() : entry.member();
        return booking.zone(actor, entry.brand()).flatMap(zone -> {
            if (!member.equals(actor.userId()) && !Booking.managesHours(actor)) {
                return Mono.error(ApiProblem.forbidden("Social-media managers book their own time only."));
            }
            Mono<Void> memberChecked = member.equals(actor.userId()) ? Mono.empty()
                    : booking.requireStaff(tenant, member, "memberId");
            TimeEntry draft = draft(actor, member, entry.brand(), entry.activity(), entry.time(), zone,
                    entry.billable(), entry.note(), TimeEntrySource.MANUAL);
            return memberChecked.then(booking.requireActivity(tenant, entry.activity()))
                    .then(booking.writing(tenant, member, entry.time(), null, sql -> booking.book(sql, actor, draft)
                            .flatMap(created -> booking.told(tenant, List.of(brandMonth(created)))
                                    .thenReturn(created))));
        });
    }

    public Mono<TimeEntry> update(Actor actor, TimeEntryId id, int expectedVersion, Changes changes) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> visible(sql, actor, id)).flatMap(current -> {
            if (current.version() != expectedVersion) {
                return Mono.error(ApiProblem.preconditionFailed());
            }
            if (current.source() == TimeEntrySource.ADJUSTMENT) {
                return Mono.error(ApiProblem.conflict("An adjustment is not changed; delete it and adjust the "
                        + "original entry again."));
            }
            UserId member = changes.member() == null ? current.member() : changes.member();
            if (!member.equals(actor.userId()) && !Booking.managesHours(actor)) {
                return Mono.error(ApiProblem.forbidden("Social-media managers book their own time only."));
            }
            BrandId brand = changes.brand() == null ? current.brand() : changes.brand();
            ActivityId activity = changes.activity() == null ? current.activity() : changes.activity();
            WorkTime time = changes.time() == null ? current.time() : changes.time();
            boolean billable = changes.billable() == null ? current.billable() : changes.billable();
            String note = changes.note() == null ? current.note() : changes.note().isEmpty() ? null : changes.note();
            boolean repriced = !brand.equals(current.brand()) || !activity.equals(current.activity())
                    || !member.equals(current.member()) || !time.equals(current.time())
                    || billable != current.billable();
            return booking.zone(actor, brand).flatMap(zone -> {
                TimeEntry changed = new TimeEntry(current.id(), member, brand, activity, time.workDate(zone),
                        time.start(), time.end(), time.minutes(), billable, note, current.source(), null,
                        current.billRate(), current.costRate(), current.surchargeAmount(), current.billAmount(),
                        current.costAmount(), current.version(), current.createdBy(), current.createdAt(),
                        current.updatedAt());
                Mono<Void> checked = (member.equals(current.member()) ? Mono.<Void>empty()
                        : booking.requireStaff(tenant, member, "memberId"))
                        .then(activity.equals(current.activity()) ? Mono.empty()
                                : booking.requireActivity(tenant, activity));
                return checked.then(booking.writing(tenant, member, time, id, sql -> booking.lockMembers(sql, tenant,
                                List.of(current.member(), member))
                        .then(months.requireOpen(sql, tenant, List.of(current.month(), changed.month())))
                        .then(booking.requireNoOverlap(sql, tenant, member, time, id))
                        .then(Mono.defer(() -> repriced ? booking.priced(tenant, changed) : Mono.just(changed)))
                        .flatMap(priced -> repository.update(sql, tenant, priced, expectedVersion))
                        .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                        .flatMap(updated -> audit.record(sql, tenant, AuditActor.of(actor), Booking.entry(
                                        "time-entry.updated", updated, current.snapshot(), updated.snapshot()))
                                // a new note changes no tracked time
                                .then(repriced ? booking.told(tenant, List.of(brandMonth(current),
                                        brandMonth(updated))) : Mono.empty())
                                .thenReturn(updated))));
            });
        });
    }

    public Mono<Void> delete(Actor actor, TimeEntryId id, int expectedVersion) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> visible(sql, actor, id).flatMap(current -> {
            if (current.version() != expectedVersion) {
                return Mono.error(ApiProblem.preconditionFailed());
            }
            return months.requireOpen(sql, tenant, List.of(current.month()))
                    .then(repository.isAdjusted(sql, tenant, id))
                    .flatMap(adjusted -> adjusted ? Mono.error(ApiProblem.conflict("Adjustments correct this entry; "
                            + "it stays.")) : repository.delete(sql, tenant, id, expectedVersion))
                    .flatMap(deleted -> deleted ? Mono.empty() : Mono.error(ApiProblem.preconditionFailed()))
                    .then(audit.record(sql, tenant, AuditActor.of(actor), Booking.entry("time-entry.deleted", current,
                            current.snapshot(), null)))
                    .then(booking.told(tenant, List.of(brandMonth(current))));
        }));
    }

    /**
     * Corrects an entry of a closed month: a new entry in the open month (today in the brand's zone) holding the
     * difference between what the entry should have been ({@code minutes}) and what it and its earlier adjustments
     * booked, priced with the entry's own rates and surcharge per minute.
     */
    public Mono<TimeEntry> adjust(Actor actor, TimeEntryId id, int minutes, String note) {
        TenantId tenant = actor.requireTenant();
        if (!Booking.managesHours(actor)) {
            throw ApiProblem.forbidden("Only agency admins and managers correct closed months.");
        }
        return transactions.inTenant(tenant, sql -> visible(sql, actor, id).flatMap(original -> {
            if (original.source() == TimeEntrySource.ADJUSTMENT) {
                return Mono.error(ApiProblem.conflict("This is an adjustment; adjust the original entry "
                        + original.adjusts() + " instead."));
            }
            return months.of(tenant, original.month()).flatMap(close -> close.isEmpty()
                    ? Mono.error(ApiProblem.conflict(original.month() + " is open: change the entry itself."))
                    : booking.zone(actor, original.brand()))
                    // under the member's lock, so that two corrections at once do not both count the same past
                    .flatMap(zone -> booking.lockMembers(sql, tenant, List.of(original.member()))
                            .then(repository.adjustments(sql, tenant, id))
                            .map(earlier -> adjustment(actor, original, earlier, minutes, note, zone)))
                    .flatMap(adjustment -> months.requireOpen(sql, tenant, List.of(adjustment.month()))
                            .then(repository.insert(sql, tenant, adjustment)))
                    .flatMap(created -> audit.record(sql, tenant, AuditActor.of(actor), Booking.entry(
                                    "time-entry.adjusted", created, original.snapshot(), created.snapshot()))
                            .then(booking.told(tenant, List.of(brandMonth(created))))
                            .thenReturn(created));
        }));
    }

    private static TimeEntry adjustment(Actor actor, TimeEntry original, AdjustedTotals earlier, int corrected,
                                        String note, ZoneId zone) {
        int delta = corrected - (original.minutes() + earlier.minutes());
        if (delta == 0) {
            throw ApiProblem.invalidField("minutes", "must differ from the entry's minutes as adjusted so far",
                    "no-change");
        }
        // the corrected entry, priced as the original was: its rates, its surcharge per minute
        BigDecimal surcharge = Money.round(original.surchargeAmount().multiply(BigDecimal.valueOf(corrected))
                .divide(BigDecimal.valueOf(original.minutes()), 10, RoundingMode.HALF_UP));
        BigDecimal bill = original.billable() ? Money.of(corrected, original.billRate()).add(surcharge)
                : Money.ZERO;
        BigDecimal cost = Money.of(corrected, original.costRate());
        return new TimeEntry(new TimeEntryId(UUID.randomUUID()), original.member(), original.brand(),
                original.activity(), LocalDate.now(zone), null, null, delta, original.billable(), note,
                TimeEntrySource.ADJUSTMENT, original.id(), original.billRate(), original.costRate(),
                surcharge.subtract(original.surchargeAmount()).subtract(earlier.surchargeAmount()),
                bill.subtract(original.billAmount()).subtract(earlier.billAmount()),
                cost.subtract(original.costAmount()).subtract(earlier.costAmount()), 1, actor.userId(), null, null);
    }

    /** A new entry to book, not priced yet. */
    static TimeEntry draft(Actor actor, UserId member, BrandId brand, ActivityId activity, WorkTime time, ZoneId zone,
                           boolean billable, String note, TimeEntrySource source) {
        return new TimeEntry(new TimeEntryId(UUID.randomUUID()), member, brand, activity, time.workDate(zone),
                time.start(), time.end(), time.minutes(), billable, note, source, null, null, null, null, null, null,
                1, actor.userId(), null, null);
    }

    static BrandMonth brandMonth(TimeEntry entry) {
        return new BrandMonth(entry.brand(), entry.month());
    }

    /** The entry if the caller may see it: admins and managers any, others their own; 404 otherwise. */
    private Mono<TimeEntry> visible(DSLContext sql, Actor actor, TimeEntryId id) {
        return repository.find(sql, actor.requireTenant(), id)
                .filter(entry -> Booking.managesHours(actor) || entry.member().equals(actor.userId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The time entry")));
    }
}
