package com.agencyhub.pricing;

import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;

/**
 * A priced line of planned hours: the brand's bill rate for the activity (no member), the surcharge percent of the
 * time class and the amount hours × rate × (1 + percent / 100), rounded once.
 */
public record PricedLine(ActivityId activity, TimeClass timeClass, BigDecimal hoursPerMonth, BigDecimal billRate,
                         BigDecimal surchargePercent, BigDecimal amount) {
}
