package com.agencyhub.contracts;

import com.agencyhub.brands.Brands;
import com.agencyhub.brands.ReadinessCheck;
import com.agencyhub.brands.ReadinessRequirement;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.Set;

/** A brand may go live when a contract is in force for its current month (in the brand's zone). */
@Component
class ContractReadiness implements ReadinessCheck {

    private final Contracts contracts;
    private final Brands brands;

    ContractReadiness(Contracts contracts, Brands brands) {
        this.contracts = contracts;
        this.brands = brands;
    }

    @Override
    public ReadinessRequirement requirement() {
        return ReadinessRequirement.ACTIVE_CONTRACT;
    }

    @Override
    public Mono<Outcome> check(TenantId tenant, BrandId brand) {
        return brands.zones(tenant, Set.of(brand)).flatMap(zones -> Mono.justOrEmpty(zones.get(brand)))
                .flatMap(zone -> {
                    YearMonth month = YearMonth.now(zone);
                    return contracts.inForce(tenant, brand, month)
                            .map(terms -> Outcome.done("contract in force since " + terms.firstMonth() + ", "
                                    + terms.monthlyPrice().toPlainString() + " " + terms.currency() + " per month"))
                            .defaultIfEmpty(Outcome.missing("needs a contract active for " + month));
                });
    }
}
