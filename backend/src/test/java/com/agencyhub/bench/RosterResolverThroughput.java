package com.agencyhub.bench;

import com.agencyhub.roster.Absence;
import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.Coverage;
import com.agencyhub.roster.Interval;
import com.agencyhub.roster.RosterInput;
import com.agencyhub.roster.RosterResolver;
import com.agencyhub.roster.Rotation;
import com.agencyhub.roster.ShiftOverride;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The roster's resolve + coverage check for a year (2027, Europe/Berlin), at the size issue 12 names and at two and
 * ten times it: per 20 brands 50 members, 500 absences and 200 overrides; each brand has three layers (a weekly
 * office layer Monday to Friday 09:00–18:00, a daily evening layer Monday to Friday 18:00–22:00 and a weekly weekend
 * layer Saturday and Sunday 10:00–18:00) and must be watched every day 08:00–22:00. {@code agency}: every brand's
 * timeline and coverage; {@code oneBrand}: one brand's. Each brand's input holds the absences of its people only, as
 * a loader would select them. Run by {@link RosterResolverBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RosterResolverThroughput {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate YEAR = LocalDate.of(2027, 1, 1);
    private static final Instant FROM = YEAR.atStartOfDay(BERLIN).toInstant();
    private static final Instant TO = YEAR.plusYears(1).atStartOfDay(BERLIN).toInstant();

    /** Multiple of the size: 1, 2 or 10 times 20 brands, 50 members, 500 absences, 200 overrides. */
    @Param({"1", "2", "10"})
    public int scale;

    private List<RosterInput> inputs;

    @Setup
    public void setUp() {
        Random random = new Random(12);
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < 50 * scale; i++) {
            members.add(new UserId(UUID.randomUUID()));
        }
        List<Absence> absences = new ArrayList<>();
        for (int i = 0; i < 500 * scale; i++) {
            Instant start = FROM.plusSeconds(random.nextInt(360 * 86_400));
            absences.add(new Absence(members.get(random.nextInt(members.size())),
                    AbsenceKind.values()[random.nextInt(AbsenceKind.values().length)], start,
                    start.plusSeconds(3_600L * (4 + random.nextInt(24 * 10))), true));
        }
        List<Interval> required = new ArrayList<>();
        for (LocalDate day = YEAR; day.isBefore(YEAR.plusYears(1)); day = day.plusDays(1)) {
            required.add(new Interval(day.atTime(8, 0).atZone(BERLIN).toInstant(),
                    day.atTime(22, 0).atZone(BERLIN).toInstant()));
        }
        List<BrandId> brands = new ArrayList<>();
        for (int i = 0; i < 20 * scale; i++) {
            brands.add(new BrandId(UUID.randomUUID()));
        }
        List<ShiftOverride> overrides = new ArrayList<>();
        for (int i = 0; i < 200 * scale; i++) {
            Instant start = FROM.plusSeconds(random.nextInt(360 * 86_400));
            overrides.add(new ShiftOverride(members.get(random.nextInt(members.size())), start,
                    start.plusSeconds(3_600L * (2 + random.nextInt(48))), Set.of(brands.get(random.nextInt(brands.size()))),
                    start.minusSeconds(86_400)));
        }
        inputs = new ArrayList<>();
        for (BrandId brand : brands) {
            List<Rotation> layers = List.of(
                    layer(brand, "office", 1, 7, random, members, days(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, 9, 18)),
                    layer(brand, "evening", 2, 1, random, members, days(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, 18, 22)),
                    layer(brand, "weekend", 3, 7, random, members, days(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, 10, 18)));
            Set<UserId> people = new HashSet<>();
            layers.forEach(layer -> people.addAll(layer.members()));
            List<UserId> deputies = List.of(members.get(random.nextInt(members.size())));
            people.addAll(deputies);
            inputs.add(new RosterInput(brand, layers, overrides,
                    absences.stream().filter(absence -> people.contains(absence.member())).toList(), deputies, required));
        }
    }

    @Benchmark
    public long agency() {
        long coveredSeconds = 0;
        for (RosterInput input : inputs) {
            coveredSeconds += check(input).covered().toSeconds();
        }
        return coveredSeconds;
    }

    @Benchmark
    public Coverage oneBrand() {
        return check(inputs.get(0));
    }

    private static Coverage check(RosterInput input) {
        return RosterResolver.coverage(RosterResolver.resolve(input, FROM, TO));
    }

    private static Rotation layer(BrandId brand, String name, int priority, int lengthDays, Random random,
                                  List<UserId> members, List<WeeklyWindow> restriction) {
        Set<UserId> chosen = new LinkedHashSet<>();
        int size = 3 + random.nextInt(3);
        while (chosen.size() < size) {
            chosen.add(members.get(random.nextInt(members.size())));
        }
        return new Rotation(brand + "-" + name, priority, List.copyOf(chosen), lengthDays, LocalTime.of(9, 0),
                YEAR.minusDays(random.nextInt(30)), BERLIN, restriction, Set.of(brand));
    }

    private static List<WeeklyWindow> days(DayOfWeek first, DayOfWeek last, int fromHour, int toHour) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day = first; ; day = day.plus(1)) {
            windows.add(new WeeklyWindow(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)));
            if (day == last) {
                return windows;
            }
        }
    }
}
