package com.agencyhub.timesheets;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.timesheets.internal.TrackedTimeRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tracked time added up in the database for the billing reports (docs/billing-reports.md). A month is that of the
 * entries' work dates. Each call is one statement, in the agency's ongoing transaction when there is one (an alert
 * computed while an entry is written sees that entry).
 */
@Service
public class TrackedTime {

    private final TrackedTimeRepository repository;

    TrackedTime(TrackedTimeRepository repository) {
        this.repository = repository;
    }

    /** The brand's month per activity; activities without entries are left out. */
    public Mono<List<TrackedActivity>> byActivity(TenantId tenant, BrandId brand, YearMonth month) {
        return repository.byActivity(tenant, brand, month);
    }

    /** The agency's month per brand with entries. */
    public Mono<List<TrackedBrand>> byBrand(TenantId tenant, YearMonth month) {
        return repository.byBrand(tenant, month);
    }

    /** The agency's month per member with entries. */
    public Mono<List<TrackedMember>> byMember(TenantId tenant, YearMonth month) {
        return repository.byMember(tenant, month);
    }

    /** Billable minutes per brand and month in {@code [from, to)}, months without entries left out. */
    public Mono<List<TrackedMonth>> billableByMonth(TenantId tenant, Collection<BrandId> brands, YearMonth from,
                                                    YearMonth to) {
        return billableByMonth(tenant, brands.stream().collect(Collectors.toMap(Function.identity(), brand -> from,
                (one, same) -> one)), to);
    }

    /**
     * Billable minutes per brand and month, each brand from its own first month up to {@code to} (excluded), in one
     * statement; months without entries left out.
     */
    public Mono<List<TrackedMonth>> billableByMonth(TenantId tenant, Map<BrandId, YearMonth> from, YearMonth to) {
        Map<BrandId, YearMonth> ranges = from.entrySet().stream().filter(entry -> entry.getValue().isBefore(to))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return ranges.isEmpty() ? Mono.just(List.of()) : repository.billableByMonth(tenant, ranges, to);
    }
}
