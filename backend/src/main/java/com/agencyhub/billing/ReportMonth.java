package com.agencyhub.billing;

import com.agencyhub.shared.web.ApiProblem;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The month a report is asked for, {@code YYYY-MM}; a 400 naming {@code month} for anything else. */
final class ReportMonth {

    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    private static final YearMonth LATEST = YearMonth.of(2099, 12);

    private ReportMonth() {
    }

    static YearMonth parse(String month) {
        if (month == null || !month.matches("[0-9]{4}-[0-9]{2}")) {
            throw invalid();
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
                throw ApiProblem.invalidField("month", "must lie between 2000-01 and 2099-12", "range");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidField("month", "must be a month such as 2026-11", "month");
    }
}
