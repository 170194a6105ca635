package com.agencyhub.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the reports read of the contract in force in a month: its months, price, overage rate, carry-over cap (null:
 * unused hours lapse), alert thresholds and planned hours per activity.
 */
public record BillingTerms(UUID contractId, YearMonth firstMonth, YearMonth lastMonth, String currency,
                           BigDecimal monthlyPrice, BigDecimal overageRate, BigDecimal carryOverCapHours,
                           List<Integer> alertThresholds, Map<UUID, BigDecimal> plannedHoursByActivity) {

    public BillingTerms {
        alertThresholds = List.copyOf(alertThresholds);
        plannedHoursByActivity = Map.copyOf(plannedHoursByActivity);
    }

    public BigDecimal plannedHours() {
        return plannedHoursByActivity.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
