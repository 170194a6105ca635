package com.agencyhub.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque keyset cursors: the list they belong to and the sort key of the last row of a page, encoded so that
 * clients treat it as a token. A cursor that does not decode, or was made by another list, is the client's error
 * (400 on field {@code cursor}).
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String list, String... keyParts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((list + SEPARATOR
                + String.join(SEPARATOR, keyParts)).getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor that {@link #encode} made for {@code list}; null for a null cursor (the first page). */
    public static List<String> decode(String list, String cursor, int expectedParts) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            if (parts.size() == expectedParts + 1 && parts.get(0).equals(list)) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw invalid();
    }

    /** A key part that must be a UUID (the id tie-breaker of most keysets). */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A key part that must be an instant (the time of time-ordered keysets). */
    public static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** A key part that must be a date (the day of day-ordered keysets). */
    public static LocalDate date(String part) {
        try {
            return LocalDate.parse(part);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** A key part that must be an integer (a rank, such as a priority). */
    public static int integer(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public static ApiProblem invalid() {
        return ApiProblem.invalidField("cursor", "is not a cursor this list produced", "cursor");
    }
}
