package com.agencyhub.shared.calendar;

import java.util.List;

/**
 * Checks a list of weekly windows on its own (working hours, coverage windows) with the rules of
 * {@link BusinessHours}: no empty window, no overlaps, also across midnight and the end of the week.
 */
public final class WeeklyWindows {

    private WeeklyWindows() {
    }

    /** A problem with the window at {@code index}, for a field error such as {@code windows[3]}. */
    public record Problem(int index, String message, String code) {
    }

    /** What is wrong with the list, by index; empty when it is valid. */
    public static List<Problem> problems(List<WeeklyWindow> windows) {
        return BusinessHours.problems(windows, HolidayRule.NONE, List.of()).stream()
                .map(problem -> new Problem(problem.index(), problem.message(), "invalid-window"))
                .toList();
    }
}
