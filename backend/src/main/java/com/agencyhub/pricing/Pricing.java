package com.agencyhub.pricing;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.Brands;
import com.agencyhub.pricing.internal.PricingSettingsRepository;
import com.agencyhub.pricing.internal.RateRepository;
import com.agencyhub.pricing.internal.SurchargeRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prices time and planned hours for a brand: rates resolved by specificity (docs/pricing.md), surcharges by the time
 * class in the brand's zone with its holidays, and the rounding rule of {@link Money}. Missing rates are zero. Runs in
 * the caller's transaction for the agency when there is one.
 */
@Service
public class Pricing {

    private final Brands brands;
    private final RateRepository rates;
    private final SurchargeRepository surcharges;
    private final PricingSettingsRepository settings;
    private final Transactions transactions;

    Pricing(Brands brands, RateRepository rates, SurchargeRepository surcharges, PricingSettingsRepository settings,
            Transactions transactions) {
        this.brands = brands;
        this.rates = rates;
        this.surcharges = surcharges;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Time of {@code member} for {@code brand} and {@code activity}; not billable time has no bill amount. */
    public Mono<PricedTime> priceTime(TenantId tenant, BrandId brand, ActivityId activity, UserId member,
                                      TimeToPrice time, boolean billable) {
        return brand(tenant, brand).flatMap(ref -> transactions.inTenant(tenant, sql ->
                rates.candidates(sql, tenant, brand, Set.of(activity), member)
                        .flatMap(candidates -> surcharges.percents(sql, tenant).map(percents -> TimePricing.price(
                                ResolvedRates.resolve(candidates, brand, activity, member), percents,
                                BrandTimeClasses.of(ref).minutesByClass(time), billable)))));
    }

    /** Planned hours for {@code brand}, each line at the brand's rate for its activity (no member). */
    public Mono<PricedLines> priceLines(TenantId tenant, BrandId brand, List<PlannedHours> planned) {
        Set<ActivityId> activities = new LinkedHashSet<>();
        planned.forEach(line -> activities.add(line.activity()));
        return brand(tenant, brand).then(transactions.inTenant(tenant, sql ->
                rates.candidates(sql, tenant, brand, activities, null)
                        .flatMap(candidates -> surcharges.percents(sql, tenant)
                                .flatMap(percents -> settings.find(sql, tenant).map(found -> {
                                    List<PricedLine> lines = planned.stream().map(line -> TimePricing.line(line,
                                            ResolvedRates.resolve(candidates, brand, line.activity(), null),
                                            percents)).toList();
                                    return new PricedLines(lines,
                                            Money.sum(lines.stream().map(PricedLine::amount).toList()),
                                            found.currency());
                                })))));
    }

    /** The rates for work with these dimensions (each may be null: not known) and the rows they come from. */
    public Mono<ResolvedRates> resolve(TenantId tenant, BrandId brand, ActivityId activity, UserId member) {
        return transactions.inTenant(tenant, sql -> rates.candidates(sql, tenant, brand,
                        activity == null ? Set.of() : Set.of(activity), member))
                .map(candidates -> ResolvedRates.resolve(candidates, brand, activity, member));
    }

    /** The agency's currency (ISO 4217) for every rate and amount. */
    public Mono<String> currency(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> settings.find(sql, tenant)).map(PricingSettings::currency);
    }

    private Mono<BrandRef> brand(TenantId tenant, BrandId brand) {
        return brands.refs(tenant, Set.of(brand)).flatMap(found -> found.containsKey(brand)
                ? Mono.just(found.get(brand)) : Mono.error(ApiProblem.notFound("The brand")));
    }
}
