package com.agencyhub.guidelines;

import com.agencyhub.brands.ReadinessCheck;
import com.agencyhub.brands.ReadinessRequirement;
import com.agencyhub.guidelines.internal.GuidelineRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A brand may go live once its current guidelines are published and acknowledged by everyone assigned to them. */
@Component
class GuidelinesReadiness implements ReadinessCheck {

    private final GuidelineRepository repository;
    private final Transactions transactions;

    GuidelinesReadiness(GuidelineRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public ReadinessRequirement requirement() {
        return ReadinessRequirement.GUIDELINES_ACKNOWLEDGED;
    }

    @Override
    public Mono<Outcome> check(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.findLatestPublished(sql, tenant, brand))
                .map(GuidelinesReadiness::outcome)
                .defaultIfEmpty(Outcome.missing("no guidelines are published"));
    }

    private static Outcome outcome(GuidelineVersion current) {
        int assigned = current.acknowledgments().size();
        long acknowledged = current.acknowledgedCount();
        String version = "version " + current.number();
        if (assigned == 0) {
            return Outcome.missing(version + " is assigned to nobody; set the brand's team and publish a new version");
        }
        if (acknowledged < assigned) {
            return Outcome.missing(version + ": " + acknowledged + " of " + assigned + " assigned members acknowledged");
        }
        return Outcome.done(version + " acknowledged by all " + assigned + " assigned members");
    }
}
