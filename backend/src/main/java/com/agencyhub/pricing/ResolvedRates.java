package com.agencyhub.pricing;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The bill and cost rate for work with given dimensions, and why: the rows that apply, most specific first, and the
 * row each rate came from (null when no row sets it: the rate is then zero, and the time counts as unpriced).
 */
public record ResolvedRates(BigDecimal billRate, BigDecimal costRate, Rate billFrom, Rate costFrom,
                            List<Rate> applicable) {

    public ResolvedRates {
        applicable = List.copyOf(applicable);
    }

    /**
     * Resolves from {@code candidates} (rows of the agency, possibly more than apply): the most specific applying row
     * with a bill rate gives the bill rate, and separately the most specific with a cost rate gives the cost rate.
     */
    public static ResolvedRates resolve(List<Rate> candidates, BrandId brand, ActivityId activity, UserId member) {
        List<Rate> applicable = candidates.stream().filter(rate -> rate.appliesTo(brand, activity, member))
                .sorted(Comparator.comparingInt(Rate::specificity).reversed())
                .toList();
        Rate billFrom = applicable.stream().filter(rate -> rate.billRate() != null).findFirst().orElse(null);
        Rate costFrom = applicable.stream().filter(rate -> rate.costRate() != null).findFirst().orElse(null);
        return new ResolvedRates(billFrom == null ? Money.ZERO : billFrom.billRate(),
                costFrom == null ? Money.ZERO : costFrom.costRate(), billFrom, costFrom, applicable);
    }

    public boolean billRateSet() {
        return billFrom != null;
    }

    public boolean costRateSet() {
        return costFrom != null;
    }
}
