package com.agencyhub.calendar.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar document (RFC 5545) line by line: content lines end in CRLF, are folded after at most 75
 * octets of UTF-8 (never inside a character: a continuation starts with a space), TEXT values are escaped
 * (backslash, semicolon, comma, line breaks) and control characters, which no iCalendar value may hold (but the
 * tab in TEXT), are left out.
 */
public final class ICalendarWriter {

    /** The longest content line, in octets, not counting its CRLF (RFC 5545, 3.1). */
    static final int MAX_LINE_OCTETS = 75;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * A feed's calendar, begun: version, product, scale and method, {@code name} as the name calendar apps show, and
     * the ask to be refreshed hourly. Its events follow; {@code end("VCALENDAR")} closes it.
     */
    public static ICalendarWriter feed(String name) {
        return new ICalendarWriter()
                .begin("VCALENDAR")
                .value("VERSION", "2.0")
                .value("PRODID", "-//AgencyHub//Calendar feeds//EN")
                .value("CALSCALE", "GREGORIAN")
                .value("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", name)
                .value("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .value("X-PUBLISHED-TTL", "PT1H");
    }

    public ICalendarWriter begin(String component) {
        return value("BEGIN", component);
    }

    public ICalendarWriter end(String component) {
        return value("END", component);
    }

    /** A property of type TEXT, escaped. */
    public ICalendarWriter text(String name, String text) {
        return line(name + ":" + escape(text));
    }

    /** A property whose value is written as given (a number, a URI, a status): only control characters go. */
    public ICalendarWriter value(String name, String value) {
        return line(name + ":" + withoutControls(value));
    }

    /** A DATE-TIME property in UTC, {@code 20270301T083000Z}; seconds, no fraction. */
    public ICalendarWriter instant(String name, Instant instant) {
        return line(name + ":" + UTC.format(instant));
    }

    /** The document so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * A TEXT value as RFC 5545 (3.3.11) spells it: backslash, semicolon and comma escaped, every line break (CRLF,
     * CR or LF) as {@code \n}, control characters other than the tab left out.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (c == '\t' || !isControl(c)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static String withoutControls(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        value.chars().filter(c -> !isControl((char) c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** C0 and C1 control characters and DEL: iCalendar's CONTROL (and nothing a calendar should show). */
    private static boolean isControl(char c) {
        return Character.isISOControl(c);
    }

    /** Appends the content line, folded so that no physical line exceeds {@link #MAX_LINE_OCTETS} octets. */
    private ICalendarWriter line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(content, i, i + chars);
            octets += size;
            i += chars;
        }
        out.append("\r\n");
        return this;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return 1; // an unpaired surrogate, which UTF-8 encoders write as '?'
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
