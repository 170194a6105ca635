package com.agencyhub.calendar.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar writer's own rules, without Spring: escaping, control characters, folding by octets. */
class ICalendarWriterTest {

    @Test
    void textIsEscapedAndControlCharactersLeftOut() {
        assertThat(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg\u0007h\ti\u0085j"))
                .isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti" + "j");
    }

    @Test
    void valuesLoseControlCharactersButKeepTheirPunctuation() {
        assertThat(new ICalendarWriter().value("URL", "https://x.example/a,b;c\u0000\n").toString())
                .isEqualTo("URL:https://x.example/a,b;c\r\n");
    }

    @Test
    void instantsAreUtcDateTimesWithoutFraction() {
        assertThat(new ICalendarWriter().instant("DTSTART", Instant.parse("2027-03-01T08:30:15.123Z")).toString())
                .isEqualTo("DTSTART:20270301T083015Z\r\n");
    }

    @Test
    void longLinesFoldAtSeventyFiveOctetsAndNeverInsideACharacter() {
        for (String unit : new String[] {"a", "ä", "€", "🐄"}) {
            for (int length = 60; length < 80; length++) {
                String text = unit.repeat(length);
                String written = new ICalendarWriter().text("SUMMARY", text).toString();
                assertThat(written).endsWith("\r\n");
                StringBuilder unfolded = new StringBuilder();
                for (String line : written.substring(0, written.length() - 2).split("\r\n", -1)) {
                    assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
                    assertThat(line.codePoints().allMatch(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE))
                            .isTrue();
                    unfolded.append(unfolded.isEmpty() ? line : line.substring(1));
                }
                assertThat(unfolded.toString()).isEqualTo("SUMMARY:" + text);
            }
        }
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
        String line = "SUMMARY:" + "x".repeat(67);
        assertThat(new ICalendarWriter().text("SUMMARY", "x".repeat(67)).toString()).isEqualTo(line + "\r\n");
    }
}
