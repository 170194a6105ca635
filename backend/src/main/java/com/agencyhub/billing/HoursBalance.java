package com.agencyhub.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A contract's hours in one month, in minutes: the planned ones, those carried in from the month before, the billable
 * ones tracked, what goes beyond the available hours (overage) and what carries into the next month.
 *
 * <p>The carry-over rule: unused hours (planned + carried in − billable, when positive) go into the next month up to
 * the cap; with no cap (the rule {@code none}) nothing carries. The chain starts at the contract's first month with
 * nothing carried in, so a month's balance depends on every month of the contract before it; a closed month's balance
 * is final and kept ({@link ClosedBalance}), so a chain may start after it with what it carried out.
 */
record HoursBalance(BigDecimal plannedMinutes, BigDecimal carriedInMinutes, long billableMinutes,
                    BigDecimal overageMinutes, BigDecimal carriedOutMinutes) {

    BigDecimal availableMinutes() {
        return plannedMinutes.add(carriedInMinutes);
    }

    /**
     * The balance of the last month of a chain: {@code billablePerMonth} holds the billable minutes of each month from
     * the contract's first month up to and including the month asked for.
     *
     * @param capHours the carry-over cap, null when unused hours lapse
     */
    static HoursBalance chain(BigDecimal plannedHours, BigDecimal capHours, List<Long> billablePerMonth) {
        return chain(plannedHours, capHours, new CarryOverChain(BigDecimal.ZERO, billablePerMonth));
    }

    /** The balance of the last month of a chain that starts with the minutes it carries in. */
    static HoursBalance chain(BigDecimal plannedHours, BigDecimal capHours, CarryOverChain chain) {
        if (chain.billablePerMonth().isEmpty()) {
            throw new IllegalArgumentException("a chain has at least the month asked for");
        }
        BigDecimal planned = Hours.minutes(plannedHours);
        BigDecimal cap = capHours == null ? BigDecimal.ZERO : Hours.minutes(capHours);
        BigDecimal carriedIn = chain.carriedInMinutes();
        HoursBalance month = null;
        for (long billable : chain.billablePerMonth()) {
            month = of(planned, carriedIn, billable, cap);
            carriedIn = month.carriedOutMinutes();
        }
        return month;
    }

    private static HoursBalance of(BigDecimal planned, BigDecimal carriedIn, long billable, BigDecimal cap) {
        BigDecimal left = planned.add(carriedIn).subtract(BigDecimal.valueOf(billable));
        BigDecimal overage = left.signum() < 0 ? left.negate() : BigDecimal.ZERO;
        BigDecimal carriedOut = left.signum() > 0 ? left.min(cap) : BigDecimal.ZERO;
        return new HoursBalance(planned, carriedIn, billable, overage, carriedOut);
    }
}
