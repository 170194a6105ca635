package com.agencyhub.contracts;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;

/** Planned hours per month of an activity in a time class, how they were computed, and their price. */
public record QuoteLine(ActivityId activity, String activityKey, TimeClass timeClass, BigDecimal hoursPerMonth,
                        BigDecimal billRate, BigDecimal surchargePercent, BigDecimal amount, String formula) {
}
