package com.agencyhub.calendar;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.calendar.internal.AdherenceRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.strategy.ApprovedPlan;
import com.agencyhub.strategy.Strategies;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plan adherence (docs/content-calendar.md): one brand's calendar against its approved strategy, week by week, and
 * the agency's brands that fall behind. The counting is PostgreSQL's, the comparison {@link PlanAdherence}'s.
 */
@Service
public class PlanAdherenceReports {

    /** The most weeks one report covers: half a year. */
    public static final int MOST_WEEKS = 26;

    private static final Set<BrandStatus> PLANNING = Set.of(BrandStatus.ONBOARDING, BrandStatus.ACTIVE);
    /** How far local midnight can be from UTC midnight in any zone. */
    private static final Duration WIDEST_OFFSET = Duration.ofHours(18);

    private final AdherenceRepository repository;
    private final Transactions transactions;
    private final Brands brands;
    private final Strategies strategies;

    public PlanAdherenceReports(AdherenceRepository repository, Transactions transactions, Brands brands,
                                Strategies strategies) {
        this.repository = repository;
        this.transactions = transactions;
        this.brands = brands;
        this.strategies = strategies;
    }

    /** One brand's adherence for {@code weeks} weeks from {@code first} (null: the current week in its zone). */
    public Mono<BrandAdherence> brand(Actor actor, BrandId id, IsoWeek first, int weeks) {
        TenantId tenant = actor.requireTenant();
        return brands.get(actor, id).flatMap(brand -> {
            ZoneId zone = brand.settings().zone();
            IsoWeek start = first != null ? first : IsoWeek.of(LocalDate.now(zone));
            LocalDate end = start.monday().plusWeeks(weeks);
            Instant from = start.monday().atStartOfDay(zone).toInstant();
            Instant to = end.atStartOfDay(zone).toInstant();
            return transactions.inTenant(tenant, sql -> strategies.approvedPlans(tenant, Set.of(id))
                    .flatMap(plans -> repository.weeklyCounts(sql, tenant, Map.of(id, zone), start.monday(), end,
                                    from, to).collectList()
                            .zipWith(repository.pillarCounts(sql, tenant, id, from, to).collectList())
                            .map(counts -> PlanAdherence.of(id, zone, plans.get(id), start, weeks, counts.getT1(),
                                    counts.getT2()))));
        });
    }

    /** A brand of the agency-wide view with its adherence. */
    public record Standing(BrandRef brand, BrandAdherence adherence) {
    }

    /**
     * The agency's onboarding and active brands with an approved strategy, for {@code weeks} weeks from
     * {@code first} (each in its zone), furthest behind first; with {@code behindOnly} those with a deficit only.
     */
    public Mono<List<Standing>> agency(Actor actor, IsoWeek first, int weeks, boolean behindOnly, int limit) {
        TenantId tenant = actor.requireTenant();
        LocalDate end = first.monday().plusWeeks(weeks);
        return strategies.approvedPlans(tenant, null)
                .flatMap(plans -> brands.refs(tenant, plans.keySet()).flatMap(refs -> {
                    Map<BrandId, ZoneId> zones = refs.values().stream().filter(ref -> PLANNING.contains(ref.status()))
                            .collect(Collectors.toMap(BrandRef::id, BrandRef::zone));
                    if (zones.isEmpty()) {
                        return Mono.just(List.<Standing>of());
                    }
                    Instant from = first.monday().atStartOfDay(ZoneOffset.UTC).toInstant().minus(WIDEST_OFFSET);
                    Instant to = end.atStartOfDay(ZoneOffset.UTC).toInstant().plus(WIDEST_OFFSET);
                    return transactions.inTenant(tenant, sql -> repository.weeklyCounts(sql, tenant, zones,
                                    first.monday(), end, from, to).collectList())
                            .map(counts -> counts.stream().collect(Collectors.groupingBy(PlatformWeekCount::brand)))
                            .map(countsByBrand -> ranked(zones.keySet().stream()
                                    .map(brand -> standing(refs.get(brand), plans.get(brand), first, weeks,
                                            countsByBrand.getOrDefault(brand, List.of())))
                                    .filter(standing -> !behindOnly || standing.adherence().totals().deficit() > 0)
                                    .toList(), limit));
                }));
    }

    private static Standing standing(BrandRef brand, ApprovedPlan plan, IsoWeek first, int weeks,
                                     List<PlatformWeekCount> counts) {
        return new Standing(brand, PlanAdherence.of(brand.id(), brand.zone(), plan, first, weeks, counts, List.of()));
    }

    private static List<Standing> ranked(List<Standing> standings, int limit) {
        return standings.stream()
                .sorted(Comparator.comparingDouble((Standing standing) -> -standing.adherence().totals().deficit())
                        .thenComparing(standing -> standing.brand().name())
                        .thenComparing(standing -> standing.brand().id().value()))
                .limit(limit)
                .toList();
    }
}
