package com.agencyhub.contracts;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.contracts.internal.QuoteSettingsRepository;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Money;
import com.agencyhub.pricing.PlannedHours;
import com.agencyhub.pricing.PricedLine;
import com.agencyhub.pricing.Pricing;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.calendar.TimeSlice;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.strategy.Strategies;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.StrategyVersion;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quotes from a brand's approved strategy with the agency's parameters, priced with today's rates and surcharges,
 * and what-if comparisons; nothing is stored.
 */
@Service
public class Quotes {

    private final ContractAccess access;
    private final Strategies strategies;
    private final Activities activities;
    private final Pricing pricing;
    private final QuoteSettingsRepository settings;
    private final Transactions transactions;

    Quotes(ContractAccess access, Strategies strategies, Activities activities, Pricing pricing,
           QuoteSettingsRepository settings, Transactions transactions) {
        this.access = access;
        this.strategies = strategies;
        this.activities = activities;
        this.pricing = pricing;
        this.settings = settings;
        this.transactions = transactions;
    }

    public Mono<Quote> quote(Actor actor, BrandId brand) {
        return access.plannedBrand(actor, brand).flatMap(found -> current(actor.requireTenant(), found.ref()));
    }

    public Mono<QuoteComparison> whatIf(Actor actor, BrandId brand, QuoteChanges changes) {
        TenantId tenant = actor.requireTenant();
        return access.plannedBrand(actor, brand).flatMap(found -> approved(tenant, brand)
                .flatMap(strategy -> parameters(tenant).flatMap(parameters -> {
                    QuoteInputs before = inputs(found.ref(), strategy, strategy.content().monitoring(), parameters);
                    QuoteInputs after = changed(found.ref(), strategy, parameters, changes);
                    return priced(tenant, brand, before).flatMap(current -> priced(tenant, brand, after)
                            .map(changed -> compare(current, changed)));
                })));
    }

    /** The brand's quote now, for a contract drafted from it (the caller has checked access). */
    Mono<Quote> current(TenantId tenant, BrandRef brand) {
        return approved(tenant, brand.id()).flatMap(strategy -> parameters(tenant).flatMap(parameters ->
                priced(tenant, brand.id(), inputs(brand, strategy, strategy.content().monitoring(), parameters))));
    }

    private Mono<StrategyVersion> approved(TenantId tenant, BrandId brand) {
        return strategies.approvedVersionAt(tenant, brand, Instant.now())
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("The brand has no approved strategy, so there is "
                        + "nothing to quote yet; approve its strategy first.")));
    }

    private Mono<QuoteParameters> parameters(TenantId tenant) {
        return transactions.inTenant(tenant, sql -> settings.find(sql, tenant)).map(StoredQuoteParameters::parameters);
    }

    private static QuoteInputs changed(BrandRef brand, StrategyVersion strategy, QuoteParameters parameters,
                                       QuoteChanges changes) {
        StrategyContent.MonitoringRequirement monitoring = strategy.content().monitoring();
        List<WeeklyWindow> windows = new ArrayList<>(monitoring.coverageWindows());
        windows.addAll(changes.addCoverageWindows());
        if (!BusinessHours.problems(windows, monitoring.holidayRule(), List.of()).isEmpty()) {
            throw ApiProblem.invalidField("addCoverageWindows", "overlap each other or the approved strategy's "
                    + "coverage windows", "overlap");
        }
        StrategyContent.MonitoringRequirement considered = new StrategyContent.MonitoringRequirement(windows,
                monitoring.holidayRule(), monitoring.holidayWindows(),
                changes.interactionsPerWeek() == null ? monitoring.expectedInteractionsPerWeek()
                        : changes.interactionsPerWeek(),
                changes.handlingMinutesPerInteraction() == null ? monitoring.handlingMinutesPerInteraction()
                        : changes.handlingMinutesPerInteraction());
        QuoteInputs inputs = inputs(brand, strategy, considered,
                changes.parameters() == null ? parameters : changes.parameters());
        List<QuotePosts> posts = new ArrayList<>(inputs.posts());
        posts.addAll(changes.extraPosts());
        return new QuoteInputs(inputs.strategyVersion(), posts, inputs.interactionsPerWeek(),
                inputs.handlingMinutesPerInteraction(), inputs.coverageIn52Weeks(), inputs.parameters());
    }

    private static QuoteInputs inputs(BrandRef brand, StrategyVersion strategy,
                                      StrategyContent.MonitoringRequirement monitoring, QuoteParameters parameters) {
        List<QuotePosts> posts = strategy.content().channelPlan().stream()
                .map(row -> new QuotePosts(row.platform(), BigDecimal.valueOf(row.postsPerWeek()),
                        row.effortMinutesPerPost()))
                .toList();
        return new QuoteInputs(strategy.number(), posts, monitoring.expectedInteractionsPerWeek(),
                monitoring.handlingMinutesPerInteraction(), coverageIn52Weeks(brand, monitoring), parameters);
    }

    /** The coverage windows' time in the 52 weeks from next Monday (brand zone), holidays included, by time class. */
    private static Map<TimeClass, Duration> coverageIn52Weeks(BrandRef brand,
                                                              StrategyContent.MonitoringRequirement monitoring) {
        LocalDate monday = LocalDate.now(brand.zone()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(brand.zone()).toInstant();
        Instant to = monday.plusWeeks(52).atStartOfDay(brand.zone()).toInstant();
        Map<TimeClass, Duration> coverage = new EnumMap<>(TimeClass.class);
        for (TimeSlice slice : BrandCalendars.monitoringCalendar(brand, monitoring).split(from, to)) {
            if (slice.businessTime()) {
                coverage.merge(slice.timeClass(), slice.duration(), Duration::plus);
            }
        }
        return coverage;
    }

    private Mono<Quote> priced(TenantId tenant, BrandId brand, QuoteInputs inputs) {
        List<QuoteFormula.Planned> planned = QuoteFormula.plan(inputs);
        return activities.byKey(tenant).flatMap(byKey -> {
            List<PlannedHours> hours = planned.stream().map(line -> new PlannedHours(activity(byKey,
                    line.activityKey()), line.timeClass(), line.hours())).toList();
            return pricing.priceLines(tenant, brand, hours).map(priced -> {
                List<QuoteLine> lines = new ArrayList<>();
                for (int i = 0; i < planned.size(); i++) {
                    PricedLine line = priced.lines().get(i);
                    lines.add(new QuoteLine(line.activity(), planned.get(i).activityKey(), line.timeClass(),
                            line.hoursPerMonth(), line.billRate(), line.surchargePercent(), line.amount(),
                            planned.get(i).formula()));
                }
                return new Quote(brand, inputs.strategyVersion(), priced.currency(), inputs.parameters(), lines,
                        lines.stream().map(QuoteLine::hoursPerMonth).reduce(BigDecimal.ZERO, BigDecimal::add),
                        priced.total());
            });
        });
    }

    private static ActivityId activity(Map<String, ActivityId> byKey, String key) {
        ActivityId id = byKey.get(key);
        if (id == null) {
            throw ApiProblem.conflict("The agency's activity catalogue has no activity '" + key + "' for the quote.");
        }
        return id;
    }

    private static QuoteComparison compare(Quote current, Quote changed) {
        Map<String, QuoteComparison.ActivityChange> byActivity = new LinkedHashMap<>();
        add(byActivity, current, BigDecimal.ONE.negate());
        add(byActivity, changed, BigDecimal.ONE);
        return new QuoteComparison(current, changed, List.copyOf(byActivity.values()),
                changed.totalHours().subtract(current.totalHours()),
                changed.monthlyPrice().subtract(current.monthlyPrice()));
    }

    private static void add(Map<String, QuoteComparison.ActivityChange> byActivity, Quote quote, BigDecimal sign) {
        for (QuoteLine line : quote.lines()) {
            byActivity.merge(line.activityKey(), new QuoteComparison.ActivityChange(line.activity(),
                            line.activityKey(), line.hoursPerMonth().multiply(sign), line.amount().multiply(sign)),
                    (a, b) -> new QuoteComparison.ActivityChange(a.activity(), a.activityKey(),
                            a.hours().add(b.hours()), Money.sum(List.of(a.amount(), b.amount()))));
        }
    }
}
