package com.agencyhub.contracts;

import java.math.BigDecimal;

/**
 * The agency's parameters of the quote formula (docs/contracts.md): the share of the coverage windows' hours billed
 * as monitoring work, and the monthly baselines of strategy and planning, reporting and meetings.
 */
public record QuoteParameters(int monitoringEffortPercent, BigDecimal strategyPlanningHoursPerMonth,
                              BigDecimal reportingHoursPerMonth, BigDecimal meetingsHoursPerMonth) {

    public static final QuoteParameters DEFAULTS = new QuoteParameters(20, new BigDecimal("4"), new BigDecimal("3"),
            new BigDecimal("2"));
}
