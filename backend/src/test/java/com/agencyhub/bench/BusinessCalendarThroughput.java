package com.agencyhub.bench;

import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.RegionHolidays;
import com.agencyhub.shared.calendar.WeeklyWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of {@link BusinessCalendar#add} and {@link BusinessCalendar#between} for office hours (Monday to Friday
 * 09:00–17:00, Europe/Berlin, holidays of DE-BY) over one hour, one week and three months: {@code between} over that
 * real span, {@code add} of the business time such a span holds (1 h, 40 h, 520 h). Start instants are spread over 2026.
 * Run by {@link BusinessCalendarBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class BusinessCalendarThroughput {

    public enum Span {
        HOUR(Duration.ofHours(1), Duration.ofHours(1)),
        WEEK(Duration.ofDays(7), Duration.ofHours(40)),
        THREE_MONTHS(Duration.ofDays(91), Duration.ofHours(520));

        final Duration real;
        final Duration business;

        Span(Duration real, Duration business) {
            this.real = real;
            this.business = business;
        }
    }

    @Param
    public Span span;

    private BusinessCalendar calendar;
    private Instant[] starts;
    private int next;

    @Setup
    public void setUp() {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            windows.add(new WeeklyWindow(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        calendar = new BusinessCalendar(new BusinessHours(ZoneId.of("Europe/Berlin"), windows, HolidayRule.NONE),
                RegionHolidays.of("DE-BY"));
        Random random = new Random(1);
        Instant year = Instant.parse("2026-01-01T00:00:00Z");
        starts = new Instant[1024];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = year.plusSeconds(random.nextInt(365 * 86_400));
        }
    }

    private Instant nextStart() {
        next = (next + 1) & (starts.length - 1);
        return starts[next];
    }

    @Benchmark
    public Instant add() {
        return calendar.add(nextStart(), span.business);
    }

    @Benchmark
    public Duration between() {
        Instant from = nextStart();
        return calendar.between(from, from.plus(span.real));
    }
}
