package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;

import java.time.Instant;
import java.util.List;

/**
 * A brand's roster over {@code [from, to)}, ready to resolve: the resolver's input and the approved strategy version
 * whose windows are required ({@code null} without one: nothing is required).
 */
public record BrandRoster(BrandRef brand, Integer strategyVersion, Instant from, Instant to, RosterInput input) {

    public List<Segment> resolve() {
        return RosterResolver.resolve(input, from, to);
    }
}
