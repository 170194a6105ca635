package com.agencyhub.shared.calendar;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * When a brand (or anyone with opening hours) works: weekly windows in local time of {@code zone}, and what happens on
 * public holidays. {@code holidayWindows} are only used with {@link HolidayRule#OWN_WINDOWS}. A valid value has no
 * empty windows and no overlapping ones (in a week for {@code windows}, in a day for {@code holidayWindows}); the
 * constructor throws {@link IllegalArgumentException} otherwise, {@link #problems} lists what is wrong by index.
 */
public record BusinessHours(ZoneId zone, List<WeeklyWindow> windows, HolidayRule holidayRule,
                            List<DailyWindow> holidayWindows) {

    private static final long DAY = Duration.ofDays(1).toNanos();
    private static final long WEEK = 7 * DAY;

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidayRule, "holidayRule");
        windows = List.copyOf(windows);
        holidayWindows = List.copyOf(holidayWindows);
        List<WindowProblem> problems = problems(windows, holidayRule, holidayWindows);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid business hours: " + problems);
        }
    }

    public BusinessHours(ZoneId zone, List<WeeklyWindow> windows, HolidayRule holidayRule) {
        this(zone, windows, holidayRule, List.of());
    }

    /** What is wrong with these windows, in list and index order; empty when they make valid business hours. */
    public static List<WindowProblem> problems(List<WeeklyWindow> windows, HolidayRule holidayRule,
                                               List<DailyWindow> holidayWindows) {
        List<WindowProblem> problems = new ArrayList<>();
        problems.addAll(problemsOf("windows", windows,
                window -> window.day().ordinal() * DAY + window.start().toNanoOfDay(), WeeklyWindow::times, WEEK));
        problems.addAll(problemsOf("holidayWindows", holidayWindows,
                window -> window.start().toNanoOfDay(), Function.identity(), DAY));
        if (!holidayWindows.isEmpty() && holidayRule != HolidayRule.OWN_WINDOWS) {
            problems.add(new WindowProblem("holidayWindows", 0,
                    "holiday windows are only used with the holiday rule OWN_WINDOWS, not " + holidayRule));
        }
        return problems;
    }

    /** Windows repeat every {@code period}, so they are arcs on a circle of that length and may wrap around. */
    private static <W> List<WindowProblem> problemsOf(String list, List<W> windows, Function<W, Long> offsetOf,
                                                      Function<W, DailyWindow> timesOf, long period) {
        List<WindowProblem> problems = new ArrayList<>();
        for (int index = 0; index < windows.size(); index++) {
            W window = windows.get(index);
            long length = timesOf.apply(window).localLength().toNanos();
            if (length == 0) {
                problems.add(new WindowProblem(list, index, window + " is empty: start and end are equal"));
                continue;
            }
            for (int earlier = 0; earlier < index; earlier++) {
                W other = windows.get(earlier);
                long otherLength = timesOf.apply(other).localLength().toNanos();
                long ahead = Math.floorMod(offsetOf.apply(window) - offsetOf.apply(other), period);
                boolean overlapping = ahead < otherLength || Math.floorMod(-ahead, period) < length;
                if (otherLength > 0 && overlapping) {
                    problems.add(new WindowProblem(list, index,
                            window + " overlaps " + list + "[" + earlier + "] " + other));
                    break;
                }
            }
        }
        return problems;
    }
}
