package com.agencyhub.billing;

import com.agencyhub.billing.internal.HoursBalanceRepository;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.contracts.Contracts;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.timesheets.HoursBooked;
import com.agencyhub.timesheets.MonthClosing;
import com.agencyhub.timesheets.TrackedMonth;
import com.agencyhub.timesheets.TrackedTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the carry-over balance of every brand with a contract when its month is closed (the month's entries are
 * locked then, so the balance is final), so that later months' chains start after it ({@link CarryOverChains}).
 * A write into an open month before a kept one (months may be closed out of order) takes the brand's later balances
 * back, in the writing transaction: they depended on that month. A lock of the agency's balances orders the two.
 */
@Component
class ClosedMonthBalances implements MonthClosing, HoursBooked {

    private final Transactions transactions;
    private final Contracts contracts;
    private final TrackedTime tracked;
    private final CarryOverChains chains;
    private final HoursBalanceRepository balances;

    ClosedMonthBalances(Transactions transactions, Contracts contracts, TrackedTime tracked, CarryOverChains chains,
                        HoursBalanceRepository balances) {
        this.transactions = transactions;
        this.contracts = contracts;
        this.tracked = tracked;
        this.chains = chains;
        this.balances = balances;
    }

    @Override
    public Mono<Void> closing(TenantId tenant, YearMonth month) {
        return transactions.inTenant(tenant, sql -> balances.lockToKeep(sql, tenant)
                .then(contracts.inForce(tenant, month))
                .flatMap(terms -> balancesOf(tenant, month, terms))
                .flatMap(closed -> balances.store(sql, tenant, closed)));
    }

    private Mono<List<ClosedBalance>> balancesOf(TenantId tenant, YearMonth month, Map<BrandId, ContractTerms> terms) {
        Map<BrandId, YearMonth> onlyTheMonth = terms.keySet().stream().collect(Collectors.toMap(brand -> brand,
                brand -> month));
        return tracked.billableByMonth(tenant, onlyTheMonth, month.plusMonths(1)).flatMap(found -> {
            Map<BrandId, Long> billable = found.stream()
                    .collect(Collectors.toMap(TrackedMonth::brand, TrackedMonth::billableMinutes));
            return chains.of(tenant, terms, month, billable).map(byBrand -> balances(terms, month, billable, byBrand));
        });
    }

    @Override
    public Mono<Void> booked(TenantId tenant, BrandId brand, YearMonth month) {
        return transactions.inTenant(tenant, sql -> balances.lockToTakeBack(sql, tenant)
                .then(balances.dropAfter(sql, tenant, brand, month)));
    }

    private static List<ClosedBalance> balances(Map<BrandId, ContractTerms> terms, YearMonth month,
                                                Map<BrandId, Long> billable, Map<BrandId, CarryOverChain> byBrand) {
        return terms.entrySet().stream().map(entry -> {
            ContractTerms contract = entry.getValue();
            HoursBalance balance = HoursBalance.chain(contract.plannedHours(), contract.carryOver().capHours(),
                    byBrand.get(entry.getKey()));
            return new ClosedBalance(entry.getKey(), month, contract.contractId(),
                    billable.getOrDefault(entry.getKey(), 0L), balance.carriedOutMinutes());
        }).toList();
    }
}
