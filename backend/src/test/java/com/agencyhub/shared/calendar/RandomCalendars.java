package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Random valid calendars and instants for the invariant tests, reproducible from a seed. Zones with DST in either
 * hemisphere and none; windows on a 15-minute grid, some across midnight; random holidays with a random rule.
 * Instants are often close to a DST change of the zone.
 */
final class RandomCalendars {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"));
    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2028-12-31T00:00:00Z");

    private final Random random;
    final ZoneId zone;
    final BusinessHours hours;
    final BusinessCalendar calendar;

    RandomCalendars(long seed) {
        random = new Random(seed);
        zone = ZONES.get(random.nextInt(ZONES.size()));
        HolidayRule rule = HolidayRule.values()[random.nextInt(HolidayRule.values().length)];
        List<WeeklyWindow> windows = new ArrayList<>();
        for (int i = random.nextInt(6); i >= 0; i--) {
            DailyWindow times = times();
            addIfValid(windows, new WeeklyWindow(DayOfWeek.of(1 + random.nextInt(7)), times.start(), times.end()),
                    list -> BusinessHours.problems(list, HolidayRule.NONE, List.of()));
        }
        List<DailyWindow> holidayWindows = new ArrayList<>();
        for (int i = rule == HolidayRule.OWN_WINDOWS ? random.nextInt(3) : 0; i > 0; i--) {
            addIfValid(holidayWindows, times(), list -> BusinessHours.problems(List.of(), rule, list));
        }
        hours = new BusinessHours(zone, windows, rule, holidayWindows);
        calendar = new BusinessCalendar(hours, Holidays.of(holidays()));
    }

    /** Between 15 minutes and 15 hours on a 15-minute grid, sometimes across midnight. */
    private DailyWindow times() {
        LocalTime start = LocalTime.MIDNIGHT.plusMinutes(15L * random.nextInt(96));
        return new DailyWindow(start, start.plusMinutes(15L * (1 + random.nextInt(60))));
    }

    private static <W> void addIfValid(List<W> windows, W window, Function<List<W>, List<WindowProblem>> problems) {
        windows.add(window);
        if (!problems.apply(windows).isEmpty()) {
            windows.remove(windows.size() - 1);
        }
    }

    private Set<LocalDate> holidays() {
        Set<LocalDate> dates = new HashSet<>();
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            dates.add(LocalDate.ofInstant(instant(), zone));
        }
        return dates;
    }

    /** An instant in 2025–2028, in a third of the cases within two days of a DST change of the zone. */
    Instant instant() {
        Instant any = FIRST.plusSeconds((long) (random.nextDouble() * Duration.between(FIRST, LAST).getSeconds()));
        ZoneOffsetTransition transition = zone.getRules().nextTransition(any);
        if (transition == null || random.nextInt(3) > 0) {
            return any;
        }
        return transition.getInstant().plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400L);
    }

    /** Up to about ten weeks of business time, often whole minutes. */
    Duration amount() {
        Duration minutes = Duration.ofMinutes(random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(100_000));
        return random.nextBoolean() ? minutes : minutes.plusSeconds(random.nextInt(60));
    }

    @Override
    public String toString() {
        return hours.toString();
    }
}
