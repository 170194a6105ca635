package com.agencyhub.pricing;

import java.math.BigDecimal;

/**
 * Priced time, as a time entry stores it: the resolved rates per hour, the surcharge amount, the bill amount (the
 * time at the bill rate plus the surcharge; zero when not billable) and the cost amount (the time at the cost rate,
 * never surcharged). Amounts are rounded to the cent.
 */
public record PricedTime(BigDecimal billRate, BigDecimal costRate, BigDecimal surchargeAmount, BigDecimal billAmount,
                         BigDecimal costAmount) {
}
