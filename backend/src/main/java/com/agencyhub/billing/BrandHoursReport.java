package com.agencyhub.billing;

import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.shared.BrandId;
import com.agencyhub.timesheets.TrackedFigures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A brand's hours report for a month (docs/billing-reports.md). Hours are shown with two decimals and percents with
 * one, rounded half up from the exact minutes; without a contract ({@code terms} null) nothing is planned or carried.
 */
public record BrandHoursReport(BrandId brand, String brandName, YearMonth month, String currency, ContractTerms terms,
                               List<ActivityHours> activities, TrackedFigures tracked, BigDecimal plannedHours,
                               BigDecimal carriedInHours, BigDecimal availableHours, BigDecimal utilisationPercent,
                               BigDecimal overageHours, BigDecimal carriedOutHours, BigDecimal retainerAmount,
                               BigDecimal overageAmount, BigDecimal invoiceAmount, MonthClosed closed,
                               Instant generatedAt) {

    static BrandHoursReport of(BrandId brand, String brandName, YearMonth month, String currency, ContractTerms terms,
                               List<ActivityHours> activities, TrackedFigures tracked, HoursInvoice invoice,
                               MonthClosed closed, Instant generatedAt) {
        HoursBalance balance = invoice.balance();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal available = balance == null ? BigDecimal.ZERO : balance.availableMinutes();
        return new BrandHoursReport(brand, brandName, month, currency, terms, List.copyOf(activities), tracked,
                balance == null ? zero : Hours.hours(balance.plannedMinutes()),
                balance == null ? zero : Hours.hours(balance.carriedInMinutes()),
                Hours.hours(available),
                Hours.percent(BigDecimal.valueOf(tracked.billableMinutes()), available),
                balance == null ? zero : Hours.hours(balance.overageMinutes()),
                balance == null ? zero : Hours.hours(balance.carriedOutMinutes()),
                invoice.retainerAmount(), invoice.overageAmount(), invoice.invoiceAmount(), closed, generatedAt);
    }

    public BigDecimal trackedHours() {
        return Hours.hours(tracked.minutes());
    }

    public BigDecimal billableHours() {
        return Hours.hours(tracked.billableMinutes());
    }

    public BigDecimal nonBillableHours() {
        return Hours.hours(tracked.nonBillableMinutes());
    }
}
