package com.agencyhub.billing;

import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.timesheets.TrackedMonth;
import com.agencyhub.timesheets.TrackedTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The billable minutes of each month of a contract's carry-over chain ({@link HoursBalance#chain}): from the
 * contract's first month up to the month asked for when unused hours carry over, only that month otherwise. One query
 * reads the earlier months of every brand.
 */
@Component
class CarryOverChains {

    private final TrackedTime tracked;

    CarryOverChains(TrackedTime tracked) {
        this.tracked = tracked;
    }

    /**
     * Per brand with terms, its chain up to {@code month}; {@code billable} holds the month's own billable minutes
     * (brands missing from it tracked none).
     */
    Mono<Map<BrandId, List<Long>>> of(TenantId tenant, Map<BrandId, ContractTerms> terms, YearMonth month,
                                      Map<BrandId, Long> billable) {
        Map<BrandId, YearMonth> starts = new HashMap<>();
        terms.forEach((brand, contract) -> {
            if (contract.carryOver().capHours() != null && contract.firstMonth().isBefore(month)) {
                starts.put(brand, contract.firstMonth());
            }
        });
        YearMonth earliest = starts.values().stream().min(Comparator.naturalOrder()).orElse(month);
        return tracked.billableByMonth(tenant, starts.keySet(), earliest, month).map(earlier -> {
            Map<BrandId, Map<YearMonth, Long>> byBrand = earlier.stream().collect(Collectors.groupingBy(
                    TrackedMonth::brand, Collectors.toMap(TrackedMonth::month, TrackedMonth::billableMinutes)));
            Map<BrandId, List<Long>> chains = new HashMap<>();
            terms.keySet().forEach(brand -> {
                List<Long> chain = new ArrayList<>();
                Map<YearMonth, Long> months = byBrand.getOrDefault(brand, Map.of());
                for (YearMonth at = starts.getOrDefault(brand, month); at.isBefore(month); at = at.plusMonths(1)) {
                    chain.add(months.getOrDefault(at, 0L));
                }
                chain.add(billable.getOrDefault(brand, 0L));
                chains.put(brand, chain);
            });
            return chains;
        });
    }
}
