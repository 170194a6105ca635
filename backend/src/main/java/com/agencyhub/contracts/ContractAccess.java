package com.agencyhub.contracts;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.Brands;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who works with contracts and quotes: agency admins and managers. A brand the caller may not see is not found
 * (404) before the role is asked (403), so a client user learns nothing about other brands.
 */
@Component
class ContractAccess {

    private final Brands brands;

    ContractAccess(Brands brands) {
        this.brands = brands;
    }

    Mono<Brand> plannedBrand(Actor actor, BrandId brand) {
        return brands.get(actor, brand).doOnNext(found -> requirePlanner(actor, "contracts and quotes"));
    }

    static void requirePlanner(Actor actor, String what) {
        if (!isPlanner(actor)) {
            throw ApiProblem.forbidden("Only agency admins and managers work with " + what + ".");
        }
    }

    static boolean isPlanner(Actor actor) {
        return actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
    }
}
