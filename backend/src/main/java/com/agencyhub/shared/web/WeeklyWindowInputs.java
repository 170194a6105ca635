package com.agencyhub.shared.web;

import com.agencyhub.api.model.WeeklyHoursDto;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Weekly windows as the contract sends them (working hours, coverage windows), checked as one list. */
public final class WeeklyWindowInputs {

    /** How the API writes the end of a window that runs to midnight from midnight: the whole day. */
    private static final String END_OF_DAY = "24:00";

    private WeeklyWindowInputs() {
    }

    /**
     * The windows in request order (null for null); a zero-length or overlapping window is a field error such
     * as {@code workingHours[2]}. The contract's pattern has checked the times already.
     */
    public static List<WeeklyWindow> of(String field, List<WeeklyHoursDto> hours) {
        if (hours == null) {
            return null;
        }
        List<WeeklyWindow> windows = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            WeeklyHoursDto dto = hours.get(i);
            LocalTime start = LocalTime.parse(dto.getStart());
            boolean toEndOfDay = END_OF_DAY.equals(dto.getEnd());
            LocalTime end = toEndOfDay ? LocalTime.MIDNIGHT : LocalTime.parse(dto.getEnd());
            if (start.equals(end) && !toEndOfDay) {
                throw ApiProblem.invalidField(field + "[" + i + "]", "start and end must differ (a whole day is "
                        + "00:00–24:00)", "empty-interval");
            }
            windows.add(new WeeklyWindow(DayOfWeek.valueOf(dto.getDay().getValue()), start, end));
        }
        List<FieldViolation> problems = WeeklyWindows.problems(windows).stream()
                .map(problem -> new FieldViolation(field + "[" + problem.index() + "]", problem.message(),
                        problem.code()))
                .toList();
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return windows;
    }

    public static WeeklyHoursDto dto(WeeklyWindow window) {
        return new WeeklyHoursDto(WeeklyHoursDto.DayEnum.fromValue(window.day().name()), window.start().toString(),
                window.times().isWholeDay() ? END_OF_DAY : window.end().toString());
    }
}
