package com.agencyhub.contracts;

import com.agencyhub.pricing.PlannedHours;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What a request drafts: months, terms and the planned hours to price (or the brand's quote, {@code fromQuote}).
 * In a change of a draft, null fields stay as they are.
 */
public record ContractDraft(YearMonth firstMonth, YearMonth lastMonth, BigDecimal overageRate, CarryOver carryOver,
                            List<Integer> alertThresholds, List<PlannedHours> lines, boolean fromQuote, String note) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(80, 100);
}
