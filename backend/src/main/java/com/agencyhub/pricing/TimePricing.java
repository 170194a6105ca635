package com.agencyhub.pricing;

import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.util.Map;

/** The arithmetic of pricing time, apart from where rates, surcharges and time classes come from. */
final class TimePricing {

    private TimePricing() {
    }

    /**
     * The bill amount is the time at the bill rate plus the surcharges, each part rounded once, so that the stored
     * surcharge and bill amounts add up; time that is not billable has neither. Cost is never surcharged.
     */
    static PricedTime price(ResolvedRates rates, SurchargePercents surcharges, Map<TimeClass, Long> minutesByClass,
                            boolean billable) {
        long minutes = minutesByClass.values().stream().mapToLong(Long::longValue).sum();
        BigDecimal cost = Money.of(minutes, rates.costRate());
        if (!billable) {
            return new PricedTime(rates.billRate(), rates.costRate(), Money.ZERO, Money.ZERO, cost);
        }
        BigDecimal surcharge = Money.surcharge(minutesByClass, rates.billRate(), surcharges.byClass());
        BigDecimal bill = Money.of(minutes, rates.billRate()).add(surcharge);
        return new PricedTime(rates.billRate(), rates.costRate(), surcharge, bill, cost);
    }

    /** Planned hours at the brand's bill rate for the activity, with the surcharge of the line's time class. */
    static PricedLine line(PlannedHours planned, ResolvedRates rates, SurchargePercents surcharges) {
        BigDecimal percent = surcharges.percent(planned.timeClass());
        return new PricedLine(planned.activity(), planned.timeClass(), planned.hoursPerMonth(), rates.billRate(),
                percent, Money.ofHours(planned.hoursPerMonth(), rates.billRate(), percent));
    }
}
