package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;

import java.time.Instant;

/** How the roster covers a brand's required windows in {@code [from, to)}; {@code strategyVersion} as in the roster. */
public record BrandCoverage(BrandRef brand, Integer strategyVersion, Instant from, Instant to, Coverage coverage) {

    public static BrandCoverage of(BrandRoster roster) {
        return new BrandCoverage(roster.brand(), roster.strategyVersion(), roster.from(), roster.to(),
                RosterResolver.coverage(roster.resolve()));
    }
}
