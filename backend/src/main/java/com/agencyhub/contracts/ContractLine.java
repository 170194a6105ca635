package com.agencyhub.contracts;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.PricedLine;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;

/** Planned hours per month of an activity in a time class, with the rate, surcharge and amount they were priced at. */
public record ContractLine(ActivityId activity, TimeClass timeClass, BigDecimal plannedHours, BigDecimal billRate,
                           BigDecimal surchargePercent, BigDecimal amount) {

    static ContractLine of(PricedLine priced) {
        return new ContractLine(priced.activity(), priced.timeClass(), priced.hoursPerMonth(), priced.billRate(),
                priced.surchargePercent(), priced.amount());
    }
}
