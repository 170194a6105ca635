package com.agencyhub.inbox.web;

import com.agencyhub.inbox.ResponseTimeBreakdown;
import com.agencyhub.inbox.ResponseTimeFigures;
import com.agencyhub.inbox.ResponseTimeGroup;
import com.agencyhub.inbox.ResponseTimeReport;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.web.CsvWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A response-time report as CSV: one row per group, the columns of the contract's {@code exportBrandResponseTimes}. */
final class ResponseTimeCsv {

    private static final List<String> CLOCK_COLUMNS = List.of("completed", "open", "within_target", "missed_target",
            "not_yet_due", "without_target", "percent_within_target", "median_business_minutes",
            "p90_business_minutes", "mean_business_minutes", "median_calendar_minutes", "p90_calendar_minutes",
            "mean_calendar_minutes");
    private static final List<ResponseTimeBreakdown> ORDER = List.of(ResponseTimeBreakdown.WINDOW_CLASS,
            ResponseTimeBreakdown.CHANNEL, ResponseTimeBreakdown.PRIORITY, ResponseTimeBreakdown.KIND,
            ResponseTimeBreakdown.WEEK, ResponseTimeBreakdown.WEEKDAY_HOUR, ResponseTimeBreakdown.RESPONDER);

    private ResponseTimeCsv() {
    }

    static String csv(ResponseTimeReport report, char separator, boolean bom) {
        StringBuilder file = new StringBuilder(bom ? CsvWriter.BOM : "");
        List<String> header = new ArrayList<>(List.of("breakdown", "group", "received"));
        Stream.of("first_response_", "resolution_").forEach(clock -> CLOCK_COLUMNS.forEach(column ->
                header.add(clock + column)));
        file.append(CsvWriter.row(header, separator));
        file.append(CsvWriter.row(cells("total", "", report.totals().figures()), separator));
        for (ResponseTimeBreakdown breakdown : ORDER) {
            for (ResponseTimeGroup group : report.groups(breakdown)) {
                file.append(CsvWriter.row(cells(Slugs.of(breakdown), name(report, breakdown, group), group.figures()),
                        separator));
            }
        }
        return file.toString();
    }

    private static String name(ResponseTimeReport report, ResponseTimeBreakdown breakdown, ResponseTimeGroup group) {
        return switch (breakdown) {
            case RESPONDER -> report.names().getOrDefault(group.firstKey(), group.firstKey());
            case WEEKDAY_HOUR -> group.key().get(0) + " " + "%02d".formatted(Integer.parseInt(group.key().get(1)));
            default -> group.firstKey();
        };
    }

    private static List<String> cells(String breakdown, String group, ResponseTimeFigures figures) {
        List<String> cells = new ArrayList<>(List.of(breakdown, group, String.valueOf(figures.received())));
        for (ResponseTimeFigures.Clock clock : List.of(figures.firstResponse(), figures.resolution())) {
            Stream.of(clock.completed(), clock.open(), clock.withinTarget(), clock.missedTarget(), clock.notYetDue(),
                    clock.withoutTarget()).forEach(count -> cells.add(String.valueOf(count)));
            cells.add(text(clock.percentWithinTarget()));
            for (ResponseTimeFigures.Durations durations : List.of(clock.businessMinutes(), clock.calendarMinutes())) {
                cells.add(text(durations.median()));
                cells.add(text(durations.p90()));
                cells.add(text(durations.mean()));
            }
        }
        return cells;
    }

    private static String text(Double value) {
        return value == null ? "" : String.valueOf(value);
    }
}
