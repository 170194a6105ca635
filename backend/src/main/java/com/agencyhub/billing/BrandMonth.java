package com.agencyhub.billing;

import com.agencyhub.shared.BrandId;
import com.agencyhub.timesheets.TrackedFigures;

import java.math.BigDecimal;

/**
 * A brand's month in the agency report, or the sum of them ({@code brand} null): planned and tracked time, what is
 * invoiced, and the margin of the invoice over the cost of the tracked time.
 */
public record BrandMonth(BrandId brand, String brandName, boolean hasContract, BigDecimal plannedHours,
                         TrackedFigures tracked, BigDecimal invoiceAmount) {

    public BigDecimal marginAmount() {
        return invoiceAmount.subtract(tracked.costAmount());
    }

    public BigDecimal marginPercent() {
        return Hours.percent(marginAmount(), invoiceAmount);
    }

    BrandMonth plus(BrandMonth other) {
        return new BrandMonth(null, null, hasContract || other.hasContract, plannedHours.add(other.plannedHours),
                tracked.plus(other.tracked), invoiceAmount.add(other.invoiceAmount));
    }
}
