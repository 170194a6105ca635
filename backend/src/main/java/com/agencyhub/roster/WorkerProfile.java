package com.agencyhub.roster;

import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the load calculation needs to know about a staff member: the home zone, the normal working hours there (none
 * means no normal hours, so all duty lies outside them), the weekly capacity (null: {@value #DEFAULT_CAPACITY} hours)
 * and the working-time rules (null: no limit; a minimum rest of 0: none).
 */
public record WorkerProfile(UserId member, ZoneId homeZone, List<WeeklyWindow> workingHours,
                            BigDecimal weeklyCapacityHours, BigDecimal maxHoursPerWeek, Integer maxConsecutiveDays,
                            int minRestMinutes) {

    static final int DEFAULT_CAPACITY = 40;

    public WorkerProfile {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(homeZone, "homeZone");
        workingHours = List.copyOf(workingHours);
        List<WeeklyWindows.Problem> problems = WeeklyWindows.problems(workingHours);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid working hours of " + member + ": " + problems);
        }
        if (weeklyCapacityHours != null && weeklyCapacityHours.signum() <= 0) {
            throw new IllegalArgumentException("weekly capacity must be positive, not " + weeklyCapacityHours);
        }
        if (maxHoursPerWeek != null && maxHoursPerWeek.signum() < 0) {
            throw new IllegalArgumentException("max hours per week must not be negative, not " + maxHoursPerWeek);
        }
        if (maxConsecutiveDays != null && maxConsecutiveDays < 1) {
            throw new IllegalArgumentException("max consecutive days must be at least 1, not " + maxConsecutiveDays);
        }
        if (minRestMinutes < 0) {
            throw new IllegalArgumentException("minimum rest must not be negative, not " + minRestMinutes);
        }
    }

    /** The weekly capacity in hours, {@value #DEFAULT_CAPACITY} when none is set. */
    public BigDecimal capacityHours() {
        return weeklyCapacityHours != null ? weeklyCapacityHours : BigDecimal.valueOf(DEFAULT_CAPACITY);
    }
}
