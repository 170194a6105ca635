package com.agencyhub.shared.calendar;

import java.util.ArrayList;
import java.util.List;

/** Checks a list of weekly windows as a whole: no window may overlap another. */
public final class WeeklyWindows {

    private WeeklyWindows() {
    }

    /** A problem with the window at {@code index}, for a field error such as {@code windows[3]}. */
    public record Problem(int index, String message, String code) {
    }

    /** The overlaps in the list, each reported at the later window; empty when the list is valid. */
    public static List<Problem> problems(List<WeeklyWindow> windows) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (windows.get(i).overlaps(windows.get(j))) {
                    problems.add(new Problem(i, "overlaps window " + j, "overlap"));
                    break;
                }
            }
        }
        return problems;
    }
}
