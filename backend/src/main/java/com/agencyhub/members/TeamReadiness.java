package com.agencyhub.members;

import com.agencyhub.brands.ReadinessCheck;
import com.agencyhub.brands.ReadinessRequirement;
import com.agencyhub.members.internal.BrandAssignmentRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A brand may go live with at least one responsible member and one deputy who still have access. */
@Component
class TeamReadiness implements ReadinessCheck {

    private final BrandAssignmentRepository assignments;
    private final Transactions transactions;

    TeamReadiness(BrandAssignmentRepository assignments, Transactions transactions) {
        this.assignments = assignments;
        this.transactions = transactions;
    }

    @Override
    public ReadinessRequirement requirement() {
        return ReadinessRequirement.RESPONSIBLE_AND_DEPUTY;
    }

    @Override
    public Mono<Outcome> check(TenantId tenant, BrandId brand) {
        return transactions.inTenant(tenant, sql -> assignments.list(sql, tenant, brand))
                .map(team -> {
                    long responsible = team.stream().filter(a -> a.responsibility() == Responsibility.RESPONSIBLE).count();
                    long deputies = team.size() - responsible;
                    if (responsible > 0 && deputies > 0) {
                        return Outcome.done(responsible + " responsible, " + deputies
                                + (deputies == 1 ? " deputy" : " deputies"));
                    }
                    return Outcome.missing(responsible == 0 && deputies == 0 ? "no one is assigned to the brand"
                            : responsible == 0 ? "no responsible member is assigned" : "no deputy is assigned");
                });
    }
}
