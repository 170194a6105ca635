package com.agencyhub.testsupport;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** iCalendar feeds read with somebody else's parser (biweekly), which must not even warn. */
public final class ParsedFeeds {

    private ParsedFeeds() {
    }

    public static ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertThat(calendar).isNotNull();
        assertThat(warnings.stream().flatMap(List::stream).map(ParseWarning::toString).toList()).isEmpty();
        return calendar;
    }

    public static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(event -> event.getUid().getValue(),
                Function.identity()));
    }
}
