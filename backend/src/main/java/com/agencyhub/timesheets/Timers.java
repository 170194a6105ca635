package com.agencyhub.timesheets;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.internal.TimerRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every staff member's own running timer: started for a brand and an activity, stopped into a time entry (source
 * timer) with the work date of its start, or discarded. One runs per member.
 */
@Service
public class Timers {

    private final TimerRepository repository;
    private final Booking booking;
    private final Transactions transactions;
    private final AuditLog audit;

    Timers(TimerRepository repository, Booking booking, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.booking = booking;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The caller's running timer; empty when none runs. */
    public Mono<RunningTimer> get(Actor actor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.findForUpdate(sql, tenant, actor.userId()));
    }

    public Mono<RunningTimer> start(Actor actor, BrandId brand, ActivityId activity, boolean billable, String note) {
        TenantId tenant = actor.requireTenant();
        RunningTimer timer = new RunningTimer(actor.userId(), brand, activity,
                Instant.now().truncatedTo(ChronoUnit.MINUTES), billable, note);
        return booking.zone(actor, brand)
                .then(booking.requireActivity(tenant, activity))
                .then(transactions.inTenant(tenant, sql -> repository.insert(sql, tenant, timer)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("A timer of yours is running already; "
                                + "stop or discard it first.")))
                        .flatMap(started -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                        "time-timer.started", "time-timer", actor.userId().value(), null,
                                        started.snapshot(), brand))
                                .thenReturn(started))));
    }

    /** Books the timer's time up to now (to the minute) and ends it; 409 keeps it when the time cannot be booked. */
    public Mono<TimeEntry> stop(Actor actor) {
        TenantId tenant = actor.requireTenant();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return transactions.inTenant(tenant, sql -> repository.findForUpdate(sql, tenant, actor.userId())
                        .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("No timer of yours is running.")))
                        .flatMap(timer -> {
                            long minutes = Duration.between(timer.startedAt(), now).toMinutes();
                            if (minutes < 1 || minutes > WorkTime.MAX_MINUTES) {
                                return Mono.error(ApiProblem.conflict("The timer ran " + minutes + " minutes; an entry "
                                        + "holds 1 to 1440. Discard it and book the time by hand."));
                            }
                            WorkTime time = new WorkTime(timer.startedAt(), now, null, (int) minutes);
                            return booking.zone(actor, timer.brand())
                                    .map(zone -> TimeEntries.draft(actor, actor.userId(), timer.brand(),
                                            timer.activity(), time, zone, timer.billable(), timer.note(),
                                            TimeEntrySource.TIMER))
                                    .flatMap(draft -> booking.book(sql, actor, draft))
                                    .flatMap(entry -> repository.delete(sql, tenant, actor.userId())
                                            .then(booking.told(tenant, List.of(TimeEntries.brandMonth(entry))))
                                            .thenReturn(entry));
                        }))
                .onErrorResume(SqlErrors::isExclusionViolation,
                        refused -> Mono.error(ApiProblem.conflict("The timer's time overlaps another entry of yours.")));
    }

    /** Throws the caller's timer away; nothing happens without one. */
    public Mono<Void> discard(Actor actor) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.delete(sql, tenant, actor.userId())
                .flatMap(discarded -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                        "time-timer.discarded", "time-timer", actor.userId().value(), discarded.snapshot(), null,
                        discarded.brand()))));
    }
}
