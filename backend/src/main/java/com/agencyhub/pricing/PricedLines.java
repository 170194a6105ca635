package com.agencyhub.pricing;

import java.math.BigDecimal;
import java.util.List;

/** Priced lines in the order given, their total (the sum of the rounded amounts) and the agency's currency. */
public record PricedLines(List<PricedLine> lines, BigDecimal total, String currency) {

    public PricedLines {
        lines = List.copyOf(lines);
    }
}
