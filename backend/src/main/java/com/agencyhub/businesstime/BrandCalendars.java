package com.agencyhub.businesstime;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.Brands;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.shared.calendar.BusinessHours;
import com.agencyhub.shared.calendar.DailyWindow;
import com.agencyhub.shared.calendar.Holidays;
import com.agencyhub.shared.calendar.RegionHolidays;
import com.agencyhub.shared.calendar.TimeSlice;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.strategy.Strategies;
import com.agencyhub.strategy.StrategyContent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A brand's business-time calendar, put together from its settings (zone, holiday region), the monitoring
 * requirement of its approved strategy (coverage windows, holiday rule) and the SLA policies of its published
 * guidelines — the one place the inbox, the roster and billing will ask.
 */
@Service
public class BrandCalendars {

    private final Brands brands;
    private final Strategies strategies;
    private final Guidelines guidelines;

    public BrandCalendars(Brands brands, Strategies strategies, Guidelines guidelines) {
        this.brands = brands;
        this.strategies = strategies;
        this.guidelines = guidelines;
    }

    /**
     * Due times for an interaction under the guidelines and the strategy in force when it arrived, so that later
     * versions never rewrite them; a priority the policy lacks falls back to normal.
     */
    public Mono<DueTimes> dueTimes(Actor actor, BrandId brandId, Instant receivedAt, SlaPolicy.Priority priority) {
        TenantId tenant = actor.requireTenant();
        return brands.get(actor, brandId).flatMap(brand -> guidelines.slaPoliciesAt(tenant, brandId, receivedAt)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict(
                        "The brand has no published guidelines, so no SLA policy applies yet.")))
                .flatMap(published -> {
                    SlaPolicy policy = policyFor(published.policies(), priority);
                    if (policy.clock() == SlaPolicy.Clock.CALENDAR) {
                        return Mono.just(due(receivedAt, priority, policy, Clock.AROUND_THE_CLOCK,
                                published.versionNumber(), null));
                    }
                    return strategies.approvedVersionAt(tenant, brandId, receivedAt)
                            .switchIfEmpty(Mono.error(BrandCalendars::noStrategy))
                            .map(strategy -> due(receivedAt, priority, policy, Clock.business(new BusinessCalendar(
                                            hours(brand.settings().zone(), strategy.content().monitoring()),
                                            holidays(brand.settings().holidayRegion()))),
                                    published.versionNumber(), strategy.number()));
                }));
    }

    static DueTimes due(Instant receivedAt, SlaPolicy.Priority priority, SlaPolicy policy, Clock clock,
                                int guidelinesVersion, Integer strategyVersion) {
        return new DueTimes(receivedAt, priority, policy,
                clock.add(receivedAt, Duration.ofMinutes(policy.firstResponseMinutes())),
                clock.add(receivedAt, Duration.ofMinutes(policy.resolutionMinutes())), guidelinesVersion,
                strategyVersion);
    }

    /**
     * Every published guidelines version and approved strategy version of the brand, loaded once (two queries), to
     * evaluate many instants in memory: the inbox pins each interaction of a batch to the versions in force when it
     * arrived, and counts business time on the strategy version it pinned.
     */
    public Mono<SlaHistory> slaHistory(TenantId tenant, BrandRef brand) {
        return guidelines.publishedSlaHistory(tenant, brand.id())
                .zipWhen(published -> strategies.approvedVersions(tenant, brand.id()))
                .map(versions -> new SlaHistory(brand, versions.getT1(), versions.getT2()));
    }

    /** Business minutes of [from, to) and the whole interval split by time class. */
    public Mono<BusinessTimeSpan> between(Actor actor, BrandId brandId, Instant from, Instant to) {
        return brands.get(actor, brandId).flatMap(brand -> calendar(actor, brand)).map(calendar -> {
            Map<BusinessTimeSpan.ClassMinutes, Duration> perClass = new LinkedHashMap<>();
            for (TimeSlice slice : calendar.split(from, to)) {
                perClass.merge(new BusinessTimeSpan.ClassMinutes(slice.timeClass(), slice.businessTime(), Duration.ZERO),
                        slice.duration(), Duration::plus);
            }
            List<BusinessTimeSpan.ClassMinutes> classes = new ArrayList<>();
            perClass.forEach((key, duration) -> classes.add(
                    new BusinessTimeSpan.ClassMinutes(key.timeClass(), key.businessTime(), duration)));
            return new BusinessTimeSpan(from, to, calendar.between(from, to), classes);
        });
    }

    /**
     * The monitoring calendars of the brands with an approved strategy (its latest version), by brand; brands without
     * one are left out. One query for all of them.
     */
    public Mono<Map<BrandId, MonitoringCalendar>> monitoringCalendars(TenantId tenant, Collection<BrandRef> brands) {
        Map<BrandId, BrandRef> byId = brands.stream().collect(Collectors.toMap(BrandRef::id, Function.identity()));
        return strategies.approvedMonitoring(tenant, byId.keySet()).map(approved -> approved.values().stream()
                .map(strategy -> {
                    BrandRef brand = byId.get(strategy.brand());
                    return new MonitoringCalendar(brand.id(), strategy.strategyVersion(),
                            monitoringCalendar(brand, strategy.monitoring()), strategy.responsible(),
                            strategy.deputies());
                })
                .collect(Collectors.toMap(MonitoringCalendar::brand, Function.identity())));
    }

    /**
     * The business-time calendar of a brand under a monitoring requirement: the approved one, or one being
     * considered (a quote's what-if adds coverage windows).
     */
    public static BusinessCalendar monitoringCalendar(BrandRef brand,
                                                      StrategyContent.MonitoringRequirement monitoring) {
        return new BusinessCalendar(hours(brand.zone(), monitoring), holidays(brand.holidayRegion()));
    }

    private Mono<BusinessCalendar> calendar(Actor actor, Brand brand) {
        return strategies.approvedMonitoring(actor.requireTenant(), brand.id())
                .switchIfEmpty(Mono.error(BrandCalendars::noStrategy))
                .map(monitoring -> new BusinessCalendar(hours(brand.settings().zone(), monitoring),
                        holidays(brand.settings().holidayRegion())));
    }

    static ApiProblem noStrategy() {
        return ApiProblem.conflict("The brand has no approved strategy, so it has no coverage windows to count "
                + "business time in.");
    }

    /**
     * The strategy's holiday windows apply on every holiday, whatever weekday it falls on; their weekdays are
     * ignored. Windows that then overlap cannot make a calendar.
     */
    static BusinessHours hours(ZoneId zone, StrategyContent.MonitoringRequirement monitoring) {
        List<DailyWindow> holidayWindows = monitoring.holidayWindows().stream().map(WeeklyWindow::times)
                .distinct().toList();
        if (!BusinessHours.problems(monitoring.coverageWindows(), monitoring.holidayRule(), holidayWindows).isEmpty()) {
            throw ApiProblem.conflict("The approved strategy's holiday windows overlap once their weekdays are "
                    + "ignored; approve a strategy with non-overlapping holiday windows.");
        }
        return new BusinessHours(zone, monitoring.coverageWindows(), monitoring.holidayRule(), holidayWindows);
    }

    /** The public holidays of a brand's region; none without a region. */
    public static Holidays holidays(String region) {
        return region == null ? Holidays.none() : RegionHolidays.of(region);
    }

    static SlaPolicy policyFor(List<SlaPolicy> policies, SlaPolicy.Priority priority) {
        return policies.stream().filter(policy -> policy.priority() == priority).findFirst()
                .or(() -> policies.stream().filter(policy -> policy.priority() == SlaPolicy.Priority.NORMAL).findFirst())
                .orElseThrow(() -> ApiProblem.conflict("The published guidelines define no normal SLA policy."));
    }

    /** How a policy's minutes count from the received instant. */
    interface Clock {
        Clock AROUND_THE_CLOCK = Instant::plus;
        Duration HORIZON = Duration.ofDays(366);

        Instant add(Instant start, Duration amount);

        /** Due times further than {@link #HORIZON} away mean the plan has (almost) no business time: a 409. */
        static Clock business(BusinessCalendar calendar) {
            return (start, amount) -> calendar.addWithin(start, amount, start.plus(HORIZON)).orElseThrow(() ->
                    ApiProblem.conflict("The brand's coverage windows hold less than " + amount.toMinutes()
                            + " business minutes within " + HORIZON.toDays() + " days after " + start
                            + "; widen the windows of the approved strategy."));
        }
    }
}
