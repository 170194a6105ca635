package com.agencyhub.inbox;

import com.agencyhub.shared.web.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code [from, to)} in {@code zone}: from the start of {@code from} to the start of
 * {@code to}. Reports are read by the month, so without dates it is the last full month; with one date, the month
 * from or up to it.
 */
public record ResponseTimePeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public static final int LONGEST_DAYS = 366;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

    /** The period asked for with dates as sent (either may be null); a 400 naming the field when it is not one. */
    public static ResponseTimePeriod of(String from, String to, ZoneId zone, Instant now) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start == null && end == null) {
            end = LocalDate.ofInstant(now, zone).withDayOfMonth(1);
        }
        if (start == null) {
            start = end.minusMonths(1);
        } else if (end == null) {
            end = start.plusMonths(1);
        }
        if (!end.isAfter(start)) {
            throw ApiProblem.invalidField("to", "must be after from", "range");
        }
        if (ChronoUnit.DAYS.between(start, end) > LONGEST_DAYS) {
            throw ApiProblem.invalidField("to", "must be at most " + LONGEST_DAYS + " days after from", "range");
        }
        return new ResponseTimePeriod(start, end, zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
                throw ApiProblem.invalidField(field, "must lie between 2000-01-01 and 2100-01-01", "range");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a date such as 2026-11-01", "date");
        }
    }
}
