package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.security.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Asks every {@link ReadinessCheck} about a brand; requirements that no module answers yet stay missing. */
@Service
public class BrandReadiness {

    private static final String NOT_AVAILABLE = "not available yet";

    private final Map<ReadinessRequirement, ReadinessCheck> checks = new EnumMap<>(ReadinessRequirement.class);
    private final Brands brands;

    public BrandReadiness(List<ReadinessCheck> contributed, Brands brands) {
        this.brands = brands;
        for (ReadinessCheck check : contributed) {
            if (checks.putIfAbsent(check.requirement(), check) != null) {
                throw new IllegalStateException("Two readiness checks answer " + check.requirement());
            }
        }
    }

    /** The readiness of a brand the caller may see (404 otherwise). */
    public Mono<Readiness> of(Actor actor, BrandId brand) {
        return brands.get(actor, brand).then(Mono.defer(() -> evaluate(actor.requireTenant(), brand)));
    }

    private Mono<Readiness> evaluate(TenantId tenant, BrandId brand) {
        return Flux.fromArray(ReadinessRequirement.values())
                .concatMap(requirement -> {
                    ReadinessCheck check = checks.get(requirement);
                    Mono<ReadinessCheck.Outcome> outcome = check == null
                            ? Mono.just(ReadinessCheck.Outcome.missing(NOT_AVAILABLE))
                            : check.check(tenant, brand);
                    return outcome.map(result -> new Readiness.Item(requirement, result));
                })
                .collectList()
                .map(items -> new Readiness(brand, items));
    }
}
