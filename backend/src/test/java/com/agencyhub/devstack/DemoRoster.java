package com.agencyhub.devstack;

import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.Absences;
import com.agencyhub.roster.Rotations;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Alpenmilch's monitoring roster, unless the agency has rotations: Jonas and Lea take weekly turns on weekdays
 * 08:00–20:00 and at weekends; the weekend layer ends Sundays at 16:00 while the strategy asks for 18:00, so the
 * coverage check shows a gap every Sunday. Jonas is sick tomorrow (Lea, the brand's deputy, stands in) and has asked
 * for a week of vacation in three weeks, waiting for approval.
 */
final class DemoRoster {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoRoster() {
    }

    static void plan(ApplicationContext context, Actor system, BrandId alpenmilch, UserId jonas, UserId lea) {
        Rotations rotations = context.getBean(Rotations.class);
        if (!rotations.list(system, null, 1, null).block(TIMEOUT).items().isEmpty()) {
            log.info("Demo roster already there");
            return;
        }
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<WeeklyWindow> weekdays = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .map(day -> new WeeklyWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList();
        rotations.create(system, new Rotations.Definition("Alpenmilch weekdays", 10, List.of(jonas, lea), 7,
                LocalTime.of(8, 0), monday, BERLIN, weekdays, Set.of(alpenmilch))).block(TIMEOUT);
        rotations.create(system, new Rotations.Definition("Alpenmilch weekends", 20, List.of(lea, jonas), 7,
                LocalTime.of(8, 0), monday, BERLIN, List.of(
                        new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(18, 0)),
                        new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(16, 0))),
                Set.of(alpenmilch))).block(TIMEOUT);
        Absences absences = context.getBean(Absences.class);
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        absences.create(system, jonas, AbsenceKind.SICK, tomorrow.atStartOfDay(BERLIN).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(BERLIN).toInstant(), "Flu").block(TIMEOUT);
        LocalDate vacation = monday.plusWeeks(3);
        absences.create(system, jonas, AbsenceKind.VACATION, vacation.atStartOfDay(BERLIN).toInstant(),
                vacation.plusDays(5).atStartOfDay(BERLIN).toInstant(), "Hiking in Tyrol").block(TIMEOUT);
        log.info("Demo roster of 'Alpenmilch' planned from {}", monday);
    }
}
