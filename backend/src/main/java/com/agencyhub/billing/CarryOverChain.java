package com.agencyhub.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a month's balance is worked out from: the minutes carried into the chain's first month (zero at the contract's
 * first month, the carried-out minutes of the latest closed month otherwise) and the billable minutes of each month
 * from there up to and including the month asked for.
 */
record CarryOverChain(BigDecimal carriedInMinutes, List<Long> billablePerMonth) {

    /** A chain of the month alone, nothing carried in. */
    static CarryOverChain only(long billable) {
        return new CarryOverChain(BigDecimal.ZERO, List.of(billable));
    }
}
