package com.agencyhub.billing;

import com.agencyhub.billing.internal.HoursBalanceRepository;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.timesheets.TrackedMonth;
import com.agencyhub.timesheets.TrackedTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The carry-over chains ({@link CarryOverChain}) of a month: when unused hours carry over, from the latest closed
 * month of the contract whose balance is kept (or from the contract's first month, without one) up to the month asked
 * for; only that month otherwise. Two queries for any number of brands: the kept balances, then the billable minutes
 * of the open months after them, each brand's own date range.
 */
@Component
class CarryOverChains {

    private final TrackedTime tracked;
    private final HoursBalanceRepository balances;

    CarryOverChains(TrackedTime tracked, HoursBalanceRepository balances) {
        this.tracked = tracked;
        this.balances = balances;
    }

    /**
     * Per brand with terms, its chain up to {@code month}; {@code billable} holds the month's own billable minutes
     * (brands missing from it tracked none).
     */
    Mono<Map<BrandId, CarryOverChain>> of(TenantId tenant, Map<BrandId, ContractTerms> terms, YearMonth month,
                                          Map<BrandId, Long> billable) {
        Map<BrandId, ContractTerms> carrying = terms.entrySet().stream()
                .filter(entry -> entry.getValue().carryOver().capHours() != null
                        && entry.getValue().firstMonth().isBefore(month))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return kept(tenant, carrying, month).flatMap(kept -> {
            Map<BrandId, YearMonth> starts = new HashMap<>();
            carrying.forEach((brand, contract) -> {
                ClosedBalance last = kept.get(brand);
                starts.put(brand, last == null ? contract.firstMonth() : last.month().plusMonths(1));
            });
            return tracked.billableByMonth(tenant, starts, month).map(earlier -> {
                Map<BrandId, Map<YearMonth, Long>> byBrand = earlier.stream().collect(Collectors.groupingBy(
                        TrackedMonth::brand, Collectors.toMap(TrackedMonth::month, TrackedMonth::billableMinutes)));
                Map<BrandId, CarryOverChain> chains = new HashMap<>();
                terms.keySet().forEach(brand -> {
                    List<Long> chain = new ArrayList<>();
                    Map<YearMonth, Long> months = byBrand.getOrDefault(brand, Map.of());
                    for (YearMonth at = starts.getOrDefault(brand, month); at.isBefore(month); at = at.plusMonths(1)) {
                        chain.add(months.getOrDefault(at, 0L));
                    }
                    chain.add(billable.getOrDefault(brand, 0L));
                    ClosedBalance last = kept.get(brand);
                    chains.put(brand, new CarryOverChain(last == null ? BigDecimal.ZERO : last.carriedOutMinutes(),
                            chain));
                });
                return chains;
            });
        });
    }

    /** The latest kept balance before the month of each brand's contract in force. */
    private Mono<Map<BrandId, ClosedBalance>> kept(TenantId tenant, Map<BrandId, ContractTerms> carrying,
                                                   YearMonth month) {
        if (carrying.isEmpty()) {
            return Mono.just(Map.of());
        }
        return balances.latestBefore(tenant, carrying.values().stream().map(ContractTerms::contractId).toList(), month)
                .map(found -> found.stream().collect(Collectors.toMap(ClosedBalance::brand, Function.identity())));
    }
}
