package com.agencyhub.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Checks of input values that bean validation cannot express; each failure is a 400 naming the field. */
public final class Inputs {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    // holiday data, business time and rosters make sense for the years people work in; outside them a request is a
    // mistake
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Inputs() {
    }

    /** An IANA region zone such as Europe/Berlin; fixed offsets and abbreviations are refused. */
    public static ZoneId zone(String field, String value) {
        if (value == null || !ZONES.contains(value)) {
            throw ApiProblem.invalidField(field, "must be an IANA time zone such as Europe/Berlin", "zone");
        }
        return ZoneId.of(value);
    }

    /** A well-formed BCP 47 language tag with a language, such as de-DE; returned in canonical form. */
    public static String locale(String field, String value) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value == null ? "" : value).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // falls through to the problem below
        }
        throw ApiProblem.invalidField(field, "must be a BCP 47 language tag such as de-DE", "locale");
    }

    public static UUID uuid(String field, String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(field, "must be a UUID", "uuid");
        }
    }

    public static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an RFC 3339 date-time such as 2026-03-29T08:00:00Z",
                    "date-time");
        }
    }

    /** An instant from 2000 up to 2100 (exclusive). */
    public static Instant plausible(String field, OffsetDateTime value) {
        Instant instant = value.toInstant();
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ApiProblem.invalidField(field, "must lie between 2000-01-01 and 2100-01-01", "range");
        }
        return instant;
    }

    /** A date from 2000 up to 2100 (exclusive). */
    public static LocalDate plausible(String field, LocalDate value) {
        if (value.getYear() < 2000 || value.getYear() >= 2100) {
            throw ApiProblem.invalidField(field, "must lie between 2000-01-01 and 2100-01-01", "range");
        }
        return value;
    }

    /** Whether the text is an absolute http or https URL with a host. */
    public static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Page size: the default when absent, 1 to {@value #MAX_LIMIT} otherwise. */
    public static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT, "range");
        }
        return value;
    }

    /** A half-open range {@code [from, to)} must not end before it starts. */
    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalidField("to", "must be after from", "range");
        }
    }
}
