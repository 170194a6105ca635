package com.agencyhub.contracts;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a brand's active (or ended) contract agrees for each of its months: the monthly retainer, the planned hours
 * per activity (summed over time classes), the rate for hours beyond them, the carry-over rule and the alert
 * thresholds (percent of the planned hours, ascending). {@code lastMonth} is null while the contract is open-ended.
 */
public record ContractTerms(UUID contractId, BrandId brand, YearMonth firstMonth, YearMonth lastMonth,
                            String currency, BigDecimal monthlyPrice, BigDecimal overageRate, CarryOver carryOver,
                            List<Integer> alertThresholds, Map<ActivityId, BigDecimal> plannedHoursByActivity) {

    public ContractTerms {
        alertThresholds = List.copyOf(alertThresholds);
        plannedHoursByActivity = Map.copyOf(plannedHoursByActivity);
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(firstMonth) && (lastMonth == null || !month.isAfter(lastMonth));
    }

    /** The planned hours of a month, over all activities. */
    public BigDecimal plannedHours() {
        return plannedHoursByActivity.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
