package com.agencyhub.contracts;

import com.agencyhub.shared.BrandId;

import java.math.BigDecimal;
import java.util.List;

/** The hours per month a brand's approved strategy needs under the agency's parameters, and their monthly price. */
public record Quote(BrandId brand, int strategyVersion, String currency, QuoteParameters parameters,
                    List<QuoteLine> lines, BigDecimal totalHours, BigDecimal monthlyPrice) {

    /** A month of the quote formula: 52 weeks a year, 12 months. */
    public static final String WEEKS_PER_MONTH = "52/12";

    public Quote {
        lines = List.copyOf(lines);
    }
}
