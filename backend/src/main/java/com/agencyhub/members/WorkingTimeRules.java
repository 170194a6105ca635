package com.agencyhub.members;

import java.math.BigDecimal;

/**
 * Limits the roster must respect for a member; null means no limit. The minimum rest defaults to 11 hours,
 * the usual statutory rest between two working days.
 */
public record WorkingTimeRules(BigDecimal maxHoursPerWeek, Integer maxConsecutiveDays, int minRestMinutes) {

    public static final int DEFAULT_MIN_REST_MINUTES = 11 * 60;
    public static final WorkingTimeRules DEFAULT = new WorkingTimeRules(null, null, DEFAULT_MIN_REST_MINUTES);
}
