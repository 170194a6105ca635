package com.agencyhub.billing;

import com.agencyhub.contracts.ContractTerms;

import java.math.BigDecimal;

/**
 * What a brand's month comes to: under a contract the retainer plus the overage at the contract's rate, after the
 * carry-over chain; without one (null terms, null balance) the bill amount of the tracked time.
 */
record HoursInvoice(HoursBalance balance, BigDecimal retainerAmount, BigDecimal overageAmount,
                    BigDecimal invoiceAmount) {

    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    /**
     * @param chain      the carry-over chain up to and including the month invoiced
     * @param billAmount the month's tracked time at its bill rates
     */
    static HoursInvoice of(ContractTerms terms, CarryOverChain chain, BigDecimal billAmount) {
        if (terms == null) {
            return new HoursInvoice(null, NONE, NONE, billAmount);
        }
        HoursBalance balance = HoursBalance.chain(terms.plannedHours(), terms.carryOver().capHours(), chain);
        BigDecimal overage = Hours.amount(balance.overageMinutes(), terms.overageRate());
        return new HoursInvoice(balance, terms.monthlyPrice(), overage, terms.monthlyPrice().add(overage));
    }
}
