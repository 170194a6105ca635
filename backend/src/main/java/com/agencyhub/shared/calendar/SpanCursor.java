package com.agencyhub.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The business time from an instant on, as disjoint spans in time order, built day by day from the windows that start
 * on each local date. Spans of neighbouring days may overlap (a holiday's windows after a window crossing midnight) or
 * come out of order (windows starting in a DST gap), so they wait in a queue until no day still to load can start
 * before them; overlapping parts are returned once.
 */
final class SpanCursor {

    /** With no end given, a cursor that finds no business time for this many days in a row ends. */
    static final int MAX_GAP_DAYS = 732;

    private final Function<LocalDate, List<Span>> spansOn;
    private final ZoneId zone;
    private final Instant until;
    private final PriorityQueue<Span> pending = new PriorityQueue<>(Comparator.comparing(Span::start));
    private Instant covered;
    private LocalDate nextDay;
    private Instant nextDayStart;
    private int daysWithoutSpan;

    /** Business time in {@code [from, until)}, or from {@code from} on when {@code until} is null (see MAX_GAP_DAYS). */
    SpanCursor(Function<LocalDate, List<Span>> spansOn, ZoneId zone, Instant from, Instant until) {
        this.spansOn = spansOn;
        this.zone = zone;
        this.until = until;
        this.covered = from;
        // a window of the day before may cross midnight into from's day
        this.nextDay = LocalDate.ofInstant(from, zone).minusDays(1);
        this.nextDayStart = nextDay.atStartOfDay(zone).toInstant();
    }

    /** The next span of business time, starting at or after the end of the previous one; null when there is none. */
    Span next() {
        for (Span span = poll(); span != null; span = poll()) {
            Instant start = span.start().isAfter(covered) ? span.start() : covered;
            if (span.end().isAfter(start)) {
                covered = span.end();
                daysWithoutSpan = 0;
                return new Span(start, span.end());
            }
        }
        return null;
    }

    /** The earliest pending span once no day still to load can start before it. */
    private Span poll() {
        while (pending.isEmpty() || !pending.peek().start().isBefore(nextDayStart)) {
            if (exhausted()) {
                return pending.poll();
            }
            pending.addAll(spansOn.apply(nextDay));
            nextDay = nextDay.plusDays(1);
            nextDayStart = nextDay.atStartOfDay(zone).toInstant();
            daysWithoutSpan++;
        }
        return pending.poll();
    }

    private boolean exhausted() {
        return until == null ? daysWithoutSpan > MAX_GAP_DAYS : !nextDayStart.isBefore(until);
    }
}
