package com.agencyhub.timesheets;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.roster.RosterQuestions;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.DutyBooking.Reason;
import com.agencyhub.timesheets.DutyBooking.Skipped;
import com.agencyhub.timesheets.DutyStretches.Stretch;
import com.agencyhub.timesheets.internal.DutyBillingRepository;
import com.agencyhub.timesheets.internal.TimeEntryRepository;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monitoring duty billed as time (opt-in per brand): the roster's resolved duty of a range of days turned into timed
 * entries of the brand's duty activity, once, around the members' other entries and outside closed months.
 */
@Service
public class DutyBillings {

    /** The most days one booking covers. */
    static final int MAX_DAYS = 62;

    private final DutyBillingRepository repository;
    private final TimeEntryRepository entries;
    private final Booking booking;
    private final MonthCloses months;
    private final RosterQuestions roster;
    private final Transactions transactions;
    private final AuditLog audit;

    DutyBillings(DutyBillingRepository repository, TimeEntryRepository entries, Booking booking, MonthCloses months,
                 RosterQuestions roster, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.entries = entries;
        this.booking = booking;
        this.months = months;
        this.roster = roster;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The brand's setting; empty when its duty is not booked as time. */
    public Mono<Optional<DutyBillingSetting>> get(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return booking.zone(actor, brand).then(transactions.inTenant(tenant, sql -> repository.find(sql, tenant, brand)
                .map(Optional::of).defaultIfEmpty(Optional.empty())));
    }

    public Mono<DutyBillingSetting> enable(Actor actor, BrandId brand, ActivityId activity) {
        TenantId tenant = actor.requireTenant();
        return booking.zone(actor, brand)
                .then(booking.requireActivity(tenant, activity))
                .then(transactions.inTenant(tenant, sql -> repository.find(sql, tenant, brand)
                        .map(DutyBillings::snapshot).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(before -> repository.upsert(sql, tenant, brand, activity, actor.userId())
                                .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                                "duty-billing.enabled", "duty-billing", brand.value(),
                                                before.orElse(null), snapshot(after), brand))
                                        .thenReturn(after)))));
    }

    public Mono<Void> disable(Actor actor, BrandId brand) {
        TenantId tenant = actor.requireTenant();
        return booking.zone(actor, brand).then(transactions.inTenant(tenant, sql ->
                repository.delete(sql, tenant, brand).flatMap(before -> audit.record(sql, tenant,
                        AuditActor.of(actor), new AuditEntry("duty-billing.disabled", "duty-billing", brand.value(),
                                snapshot(before), null, brand)))));
    }

    /** Books the brand's duty from {@code from} to {@code to} (brand-local dates, both inclusive). */
    public Mono<DutyBooking> book(Actor actor, BrandId brand, LocalDate from, LocalDate to) {
        TenantId tenant = actor.requireTenant();
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must not be before from", "range");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiProblem.invalidField("to", "must be at most " + MAX_DAYS + " days after from", "too-long");
        }
        return booking.zone(actor, brand).flatMap(zone -> transactions.inTenant(tenant, sql ->
                repository.find(sql, tenant, brand)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("The brand's duty is not billed as time; "
                                + "turn duty billing on first.")))
                        .flatMap(setting -> {
                            Instant start = from.atStartOfDay(zone).toInstant();
                            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
                            return roster.timeline(actor, brand, start, end)
                                    .map(timeline -> DutyStretches.of(timeline.segments(), zone))
                                    .flatMap(stretches -> book(sql, actor, setting, zone, stretches, start, end));
                        })
                        .flatMap(result -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                        "duty-billing.booked", "duty-billing", brand.value(), null,
                                        Map.of("from", from.toString(), "to", to.toString(),
                                                "booked", result.booked().size(),
                                                "skipped", result.skipped().size()), brand))
                                .then(booking.told(tenant, result.booked().stream().map(TimeEntries::brandMonth)
                                        .toList()))
                                .thenReturn(result))));
    }

    private Mono<DutyBooking> book(DSLContext sql, Actor actor, DutyBillingSetting setting, ZoneId zone,
                                   List<Stretch> stretches, Instant start, Instant end) {
        TenantId tenant = actor.requireTenant();
        Set<UserId> members = new LinkedHashSet<>();
        Set<YearMonth> touched = new LinkedHashSet<>();
        stretches.forEach(stretch -> {
            members.add(stretch.member());
            touched.add(YearMonth.from(stretch.start().atZone(zone)));
        });
        List<TimeEntry> booked = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        return booking.lockMembers(sql, tenant, members)
                .then(months.closedAmong(sql, tenant, touched))
                .flatMap(closed -> Flux.fromIterable(members)
                        .concatMap(member -> entries.overlapping(sql, tenant, member, start, end, null).collectList()
                                .map(theirs -> Map.entry(member, theirs)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                        .flatMapMany(others -> Flux.fromIterable(stretches).concatMap(stretch -> {
                            if (closed.contains(YearMonth.from(stretch.start().atZone(zone)))) {
                                skipped.add(new Skipped(stretch.member(), stretch.start(), stretch.end(),
                                        Reason.CLOSED_MONTH));
                                return Flux.empty();
                            }
                            return Flux.fromIterable(free(stretch, others.get(stretch.member()), setting, skipped))
                                    .concatMap(part -> booking.store(sql, actor, TimeEntries.draft(actor,
                                            part.member(), setting.brand(), setting.activity(),
                                            new WorkTime(part.start(), part.end(), null,
                                                    (int) Duration.between(part.start(), part.end()).toMinutes()),
                                            zone, true, null, TimeEntrySource.DUTY)));
                        }))
                        .doOnNext(booked::add)
                        .then(Mono.fromSupplier(() -> new DutyBooking(booked, skipped))));
    }

    /**
     * The parts of the stretch that no entry of the member covers (whole minutes, at least one); the covered parts go
     * to {@code skipped}, as booked already when the duty of this brand booked them.
     */
    private static List<Stretch> free(Stretch stretch, List<TimeEntry> theirs, DutyBillingSetting setting,
                                      List<Skipped> skipped) {
        List<Stretch> free = new ArrayList<>();
        Instant cursor = stretch.start();
        for (TimeEntry other : theirs) {
            if (!other.start().isBefore(stretch.end()) || !other.end().isAfter(cursor)) {
                continue;
            }
            Instant coveredFrom = other.start().isAfter(cursor) ? other.start() : cursor;
            Instant coveredTo = other.end().isBefore(stretch.end()) ? other.end() : stretch.end();
            addIfWholeMinutes(free, stretch.member(), cursor, coveredFrom);
            boolean ours = other.source() == TimeEntrySource.DUTY && other.brand().equals(setting.brand());
            skipped.add(new Skipped(stretch.member(), coveredFrom, coveredTo,
                    ours ? Reason.ALREADY_BOOKED : Reason.OVERLAP));
            cursor = coveredTo;
        }
        addIfWholeMinutes(free, stretch.member(), cursor, stretch.end());
        return free;
    }

    private static void addIfWholeMinutes(List<Stretch> parts, UserId member, Instant start, Instant end) {
        Instant from = start.truncatedTo(ChronoUnit.MINUTES).equals(start) ? start
                : start.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant to = end.truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(from, to).toMinutes() >= 1) {
            parts.add(new Stretch(member, from, to));
        }
    }

    private static Map<String, Object> snapshot(DutyBillingSetting setting) {
        return Map.of("activityId", setting.activity().toString());
    }
}
