package com.agencyhub.strategy;

import com.agencyhub.brands.ReadinessCheck;
import com.agencyhub.brands.ReadinessRequirement;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.strategy.internal.StrategyRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A brand may go live once a version of its strategy is approved. */
@Component
class StrategyReadiness implements ReadinessCheck {

    private final StrategyRepository repository;
    private final Transactions transactions;

    StrategyReadiness(StrategyRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public ReadinessRequirement requirement() {
        return ReadinessRequirement.APPROVED_STRATEGY;
    }

    @Override
    public Mono<Outcome> check(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> repository.latestApproved(sql, tenant, brand))
                .map(version -> Outcome.done("version " + version.number() + " approved"))
                .defaultIfEmpty(Outcome.missing("no strategy version is approved"));
    }
}
