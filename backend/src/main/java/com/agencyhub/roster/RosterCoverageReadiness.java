package com.agencyhub.roster;

import com.agencyhub.brands.Brands;
import com.agencyhub.brands.ReadinessCheck;
import com.agencyhub.brands.ReadinessRequirement;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A brand may go live when the roster covers its required windows for the next 4 weeks. */
@Component
class RosterCoverageReadiness implements ReadinessCheck {

    static final Duration AHEAD = Duration.ofDays(28);

    private final RosterInputs inputs;
    private final Brands brands;
    private final Transactions transactions;

    RosterCoverageReadiness(RosterInputs inputs, Brands brands, Transactions transactions) {
        this.inputs = inputs;
        this.brands = brands;
        this.transactions = transactions;
    }

    @Override
    public ReadinessRequirement requirement() {
        return ReadinessRequirement.ROSTER_COVERAGE;
    }

    @Override
    public Mono<Outcome> check(TenantId tenant, BrandId brand) {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return transactions.inTenant(tenant, sql -> brands.refs(tenant, Set.of(brand))
                        .flatMap(refs -> Mono.justOrEmpty(refs.get(brand)))
                        .flatMap(ref -> inputs.forBrand(tenant, ref, from, from.plus(AHEAD))))
                .map(roster -> roster.strategyVersion() == null
                        ? Outcome.missing("needs an approved strategy with coverage windows")
                        : outcome(BrandCoverage.of(roster).coverage()));
    }

    private static Outcome outcome(Coverage coverage) {
        if (coverage.fullyCovered()) {
            return Outcome.done("next 4 weeks fully covered");
        }
        List<Coverage.Problem> required = coverage.problems().stream().filter(Coverage.Problem::required).toList();
        List<String> parts = new ArrayList<>();
        if (!coverage.gap().isZero()) {
            parts.add(count(required, Segment.Status.GAP, "gap") + " (" + hours(coverage.gap()) + ")");
        }
        if (!coverage.empty().isZero()) {
            parts.add(count(required, Segment.Status.EMPTY, "empty shift") + " (" + hours(coverage.empty()) + ")");
        }
        return Outcome.missing(String.join(" and ", parts) + " in the next 4 weeks; first: "
                + required.get(0).start().truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
    }

    private static String count(List<Coverage.Problem> problems, Segment.Status status, String noun) {
        long count = problems.stream().filter(problem -> problem.reason() == status).count();
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String hours(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
