package com.agencyhub.businesstime;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.guidelines.PublishedSlaPolicies;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.calendar.BusinessCalendar;
import com.agencyhub.strategy.StrategyVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A brand's published guidelines versions and approved strategy versions, evaluated in memory: which were in force at
 * an instant (the newest published or approved at or before it; before the first, the first: the rule of
 * {@code Guidelines.slaPoliciesAt} and {@code Strategies.approvedVersionAt}), the due times they give, and the
 * business calendar of a strategy version. Not thread-safe (calendars are built on first use); use it for one request.
 */
public final class SlaHistory {

    private final BrandRef brand;
    private final List<PublishedSlaPolicies> guidelines;
    private final List<StrategyVersion> strategies;
    private final Map<Integer, BusinessCalendar> calendars = new HashMap<>();

    SlaHistory(BrandRef brand, List<PublishedSlaPolicies> guidelines, List<StrategyVersion> strategies) {
        this.brand = brand;
        this.guidelines = List.copyOf(guidelines);
        this.strategies = List.copyOf(strategies);
    }

    /** The guidelines version in force at {@code at}; empty while none is published. */
    public Optional<PublishedSlaPolicies> guidelinesAt(Instant at) {
        return inForce(guidelines, PublishedSlaPolicies::publishedAt, at);
    }

    /** The approved strategy version in force at {@code at}; empty while none is approved. */
    public Optional<StrategyVersion> strategyAt(Instant at) {
        return inForce(strategies, StrategyVersion::approvedAt, at);
    }

    /**
     * The due times of an interaction of {@code priority} received at {@code receivedAt} (a priority the policies lack
     * falls back to normal); empty while no guidelines are published. A business clock needs an approved strategy and
     * coverage windows holding the target within a year (409 otherwise).
     */
    public Optional<DueTimes> dueTimes(Instant receivedAt, SlaPolicy.Priority priority) {
        return guidelinesAt(receivedAt).map(published -> {
            SlaPolicy policy = BrandCalendars.policyFor(published.policies(), priority);
            if (policy.clock() == SlaPolicy.Clock.CALENDAR) {
                return BrandCalendars.due(receivedAt, priority, policy, BrandCalendars.Clock.AROUND_THE_CLOCK,
                        published.versionNumber(), null);
            }
            StrategyVersion strategy = strategyAt(receivedAt).orElseThrow(BrandCalendars::noStrategy);
            return BrandCalendars.due(receivedAt, priority, policy,
                    BrandCalendars.Clock.business(calendar(strategy.number())), published.versionNumber(),
                    strategy.number());
        });
    }

    /**
     * The instant at which {@code amount} of a policy's clock has passed after {@code start}: business time on the
     * strategy version's calendar, or calendar time when {@code strategyVersion} is null.
     */
    public Instant add(Integer strategyVersion, Instant start, Duration amount) {
        BrandCalendars.Clock clock = strategyVersion == null ? BrandCalendars.Clock.AROUND_THE_CLOCK
                : BrandCalendars.Clock.business(calendar(strategyVersion));
        return clock.add(start, amount);
    }

    /** Whether {@code at} lies in the coverage windows of the strategy version in force then (none: no). */
    public boolean insideCoverage(Instant at) {
        return strategyAt(at).map(strategy -> calendar(strategy.number()).isBusinessTime(at)).orElse(false);
    }

    /** The business calendar of an approved strategy version: its coverage windows and holidays in the brand's zone. */
    public BusinessCalendar calendar(int strategyVersion) {
        return calendars.computeIfAbsent(strategyVersion, number -> strategies.stream()
                .filter(strategy -> strategy.number() == number).findFirst()
                .map(strategy -> new BusinessCalendar(BrandCalendars.hours(brand.zone(), strategy.content().monitoring()),
                        BrandCalendars.holidays(brand.holidayRegion())))
                .orElseThrow(() -> new IllegalArgumentException("no approved strategy version " + number)));
    }

    private static <T> Optional<T> inForce(List<T> versions, Function<T, Instant> since, Instant at) {
        T found = versions.isEmpty() ? null : versions.get(0);
        for (T version : versions) {
            if (!since.apply(version).isAfter(at)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }
}
