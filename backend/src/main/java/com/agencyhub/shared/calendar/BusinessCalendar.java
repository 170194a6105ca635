package com.agencyhub.shared.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Business-time math over {@link BusinessHours} and {@link Holidays}; see docs/business-time.md for the model.
 * A window belongs to the local date it starts on: whether that date is a holiday decides which windows open, and a
 * window crossing midnight into a holiday runs to its end. All intervals are half-open {@code [from, to)}; local times
 * become instants by java.time's rules (a time in a DST gap moves forward by the gap, an ambiguous time takes the
 * earlier offset). Work grows with the days and windows crossed, not with the minutes. Immutable and thread-safe if the
 * holidays are.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Holidays holidays;
    private final TimeClassBoundaries boundaries;
    private final Map<DayOfWeek, List<DailyWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    private final List<DailyWindow> onHolidays;

    public BusinessCalendar(BusinessHours hours, Holidays holidays, TimeClassBoundaries boundaries) {
        this.zone = hours.zone();
        this.holidays = holidays;
        this.boundaries = boundaries;
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, hours.windows().stream().filter(window -> window.day() == day).map(WeeklyWindow::times).toList());
        }
        this.onHolidays = switch (hours.holidayRule()) {
            case TREATED_AS_SUNDAY -> weekly.get(DayOfWeek.SUNDAY);
            case OWN_WINDOWS -> hours.holidayWindows();
            case NONE -> List.of();
        };
    }

    public BusinessCalendar(BusinessHours hours, Holidays holidays) {
        this(hours, holidays, TimeClassBoundaries.DEFAULT);
    }

    public boolean isBusinessTime(Instant instant) {
        Span first = cursor(instant, instant.plusNanos(1)).next();
        return first != null && first.start().equals(instant);
    }

    /**
     * The first instant at or after {@code instant} where business time begins after a moment without (adjacent
     * windows are one stretch); empty when none begins within {@value SpanCursor#MAX_GAP_DAYS} days.
     */
    public Optional<Instant> nextWindowStart(Instant instant) {
        Instant horizon = instant.plus(Duration.ofDays(SpanCursor.MAX_GAP_DAYS));
        SpanCursor cursor = cursor(instant, horizon);
        Span span = cursor.next();
        if (span != null && span.start().equals(instant) && isBusinessTime(instant.minusNanos(1))) {
            Instant end = span.end();
            span = cursor.next();
            while (span != null && span.start().equals(end)) {
                end = span.end();
                span = cursor.next();
            }
        }
        return Optional.ofNullable(span).map(Span::start).filter(horizon::isAfter);
    }

    /**
     * The instant at which {@code amount} of business time after {@code start} has passed: for a positive amount the
     * end of its last moment (which may be a window's end), for zero the first business instant at or after
     * {@code start}.
     *
     * @throws IllegalStateException when a stretch of {@value SpanCursor#MAX_GAP_DAYS} days without business time is
     *                               met (for instance with no windows at all)
     */
    public Instant add(Instant start, Duration amount) {
        return addUntil(start, amount, null).orElseThrow(() -> new IllegalStateException("no business time within "
                + SpanCursor.MAX_GAP_DAYS + " days after " + start + " to add " + amount));
    }

    /**
     * Like {@link #add}, but looking no further than {@code limit}: empty when the business time does not pass
     * before it. Bounds the work for calendars with almost no business time and long targets.
     */
    public Optional<Instant> addWithin(Instant start, Duration amount, Instant limit) {
        return addUntil(start, amount, Objects.requireNonNull(limit, "limit"));
    }

    /** {@code limit} null: until a stretch of {@value SpanCursor#MAX_GAP_DAYS} days without business time. */
    private Optional<Instant> addUntil(Instant start, Duration amount, Instant limit) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        SpanCursor cursor = cursor(start, limit);
        Duration remaining = amount;
        for (Span span = cursor.next(); span != null; span = cursor.next()) {
            if (remaining.compareTo(span.duration()) <= 0) {
                Instant due = span.start().plus(remaining);
                return limit != null && due.isAfter(limit) ? Optional.empty() : Optional.of(due);
            }
            remaining = remaining.minus(span.duration());
        }
        return Optional.empty();
    }

    /** The business time in {@code [from, to)}. */
    public Duration between(Instant from, Instant to) {
        return businessSpans(from, to).stream().map(Span::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * {@code [from, to)} cut into slices of business time or not, by {@link TimeClass}; neighbouring slices differ
     * in one of the two, and together they cover the interval exactly.
     */
    public List<TimeSlice> split(Instant from, Instant to) {
        return new TimeSplit(zone, holidays, boundaries).split(from, to, businessSpans(from, to));
    }

    /** The business time in {@code [from, to)} as disjoint spans in order. */
    private List<Span> businessSpans(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("interval ends before it starts: [" + from + ", " + to + ")");
        }
        List<Span> spans = new ArrayList<>();
        SpanCursor cursor = cursor(from, to);
        for (Span span = cursor.next(); span != null && span.start().isBefore(to); span = cursor.next()) {
            spans.add(span.end().isAfter(to) ? new Span(span.start(), to) : span);
        }
        return spans;
    }

    private SpanCursor cursor(Instant from, Instant until) {
        return new SpanCursor(this::spansOn, zone, from, until);
    }

    /** The real spans of the windows that start on {@code date}; a window in a DST gap may vanish. */
    private List<Span> spansOn(LocalDate date) {
        List<DailyWindow> windows = holidays.isHoliday(date) ? onHolidays : weekly.get(date.getDayOfWeek());
        List<Span> spans = new ArrayList<>(windows.size());
        for (DailyWindow window : windows) {
            Instant start = date.atTime(window.start()).atZone(zone).toInstant();
            LocalDate endDate = window.crossesMidnight() ? date.plusDays(1) : date;
            Instant end = endDate.atTime(window.end()).atZone(zone).toInstant();
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }
}
