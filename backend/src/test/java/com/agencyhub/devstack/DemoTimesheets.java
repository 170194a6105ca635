package com.agencyhub.devstack;

import com.agencyhub.members.Members;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.timesheets.DutyBillings;
import com.agencyhub.timesheets.DutyBooking;
import com.agencyhub.timesheets.MonthCloses;
import com.agencyhub.timesheets.TimeEntries;
import com.agencyhub.timesheets.TimeEntryFilter;
import com.agencyhub.timesheets.WorkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;

/**
 * Alpenmilch's tracked time, unless the agency has entries: Jonas and Lea booked their Mondays, Wednesdays and
 * Fridays of last month (November 2026 as this is written) and of this month so far, the admin closed last month, and
 * Alpenmilch's monitoring duty is billed as time, booked for this month's days of the demo roster (around the
 * entries the two booked by hand).
 */
final class DemoTimesheets {

    private static final Logger log = LoggerFactory.getLogger(DemoTimesheets.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoTimesheets() {
    }

    static void book(ApplicationContext context, TenantId agency, BrandId alpenmilch, UserId jonas, UserId lea) {
        TimeEntries entries = context.getBean(TimeEntries.class);
        Actor jonasActs = Actor.member(jonas, "jonas", "Jonas Weber", null, agency, Set.of(Role.SOCIAL_MEDIA_MANAGER),
                Set.of());
        Actor leaActs = Actor.member(lea, "lea", "Lea Brandt", null, agency, Set.of(Role.AGENCY_MANAGER), Set.of());
        if (!entries.list(leaActs, new TimeEntryFilter(null, null, null, null, null, null), 1, null).block(TIMEOUT)
                .items().isEmpty()) {
            log.info("Demo time entries already there");
            return;
        }
        Map<String, ActivityId> activities = context.getBean(Activities.class).byKey(agency).block(TIMEOUT);
        LocalDate today = LocalDate.now(BERLIN);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        int booked = 0;
        for (LocalDate day = lastMonth.atDay(1); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.MONDAY && day.getDayOfWeek() != DayOfWeek.WEDNESDAY
                    && day.getDayOfWeek() != DayOfWeek.FRIDAY) {
                continue;
            }
            book(entries, jonasActs, alpenmilch, activities.get("community-management"), day, LocalTime.of(9, 0), 90,
                    "Comments and direct messages");
            book(entries, jonasActs, alpenmilch, activities.get("content-creation"), day, LocalTime.of(13, 0), 120,
                    "Reels for the week");
            book(entries, leaActs, alpenmilch, activities.get(day.getDayOfWeek() == DayOfWeek.MONDAY
                    ? "strategy-planning" : "reporting"), day, LocalTime.of(8, 30), 60, null);
            booked += 3;
        }
        log.info("Demo time entries of 'Alpenmilch' booked: {}", booked);
        closeLastMonth(context, agency, lastMonth);
        bookDuty(context, agency, alpenmilch, activities.get("monitoring"), today);
    }

    private static void book(TimeEntries entries, Actor member, BrandId brand, ActivityId activity, LocalDate day,
                             LocalTime start, int minutes, String note) {
        var from = day.atTime(start).atZone(BERLIN).toInstant();
        entries.create(member, new TimeEntries.NewEntry(null, brand, activity,
                WorkTime.timed(from, from.plus(Duration.ofMinutes(minutes)), "start", "end"), true, note))
                .block(TIMEOUT);
    }

    /** The admin closes last month once it has ended everywhere (see MonthCloses). */
    private static void closeLastMonth(ApplicationContext context, TenantId agency, YearMonth lastMonth) {
        if (!lastMonth.isBefore(YearMonth.now(ZoneOffset.ofHours(-12)))) {
            log.info("Demo month {} not closed: it has not ended everywhere yet", lastMonth);
            return;
        }
        UserId admin = context.getBean(Members.class).currentStaffWithRole(agency, Role.AGENCY_ADMIN).block(TIMEOUT)
                .get(0).id();
        context.getBean(MonthCloses.class).close(Actor.member(admin, "admin", "Admin", null, agency,
                Set.of(Role.AGENCY_ADMIN), Set.of()), lastMonth).block(TIMEOUT);
        log.info("Demo month {} closed", lastMonth);
    }

    /** Duty billing on for Alpenmilch, its duty booked from this week's Monday (the roster's start) to yesterday. */
    private static void bookDuty(ApplicationContext context, TenantId agency, BrandId alpenmilch, ActivityId monitoring,
                                 LocalDate today) {
        Actor system = Actor.member(UserId.SYSTEM, "system", "system", null, agency, Set.of(Role.AGENCY_ADMIN),
                Set.of());
        DutyBillings dutyBillings = context.getBean(DutyBillings.class);
        dutyBillings.enable(system, alpenmilch, monitoring).block(TIMEOUT);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!monday.isBefore(today)) {
            log.info("Demo duty billing on for 'Alpenmilch'; no duty to book before today");
            return;
        }
        DutyBooking booking = dutyBillings.book(system, alpenmilch, monday, today.minusDays(1)).block(TIMEOUT);
        log.info("Demo duty of 'Alpenmilch' booked: {} entries, {} stretches skipped", booking.booked().size(),
                booking.skipped().size());
    }
}
