package com.agencyhub.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The agency's month per brand, by name, with their sum. */
public record AgencyHoursReport(YearMonth month, String currency, List<BrandMonth> brands, BrandMonth totals,
                                MonthClosed closed, Instant generatedAt) {
}
