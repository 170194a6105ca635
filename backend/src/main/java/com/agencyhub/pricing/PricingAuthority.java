package com.agencyhub.pricing;

import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;

/**
 * Who may change what in pricing (the security configuration admits the same by path; this is the service's own
 * check): admins and managers edit the activity catalogue; rates, surcharges and the currency include cost and are
 * the admins'.
 */
final class PricingAuthority {

    private PricingAuthority() {
    }

    static void requireCatalogueEditor(Actor actor) {
        if (!actor.has(Role.AGENCY_ADMIN) && !actor.has(Role.AGENCY_MANAGER)) {
            throw ApiProblem.forbidden("Only agency admins and managers edit the activity catalogue.");
        }
    }

    static void requireAdmin(Actor actor) {
        if (!actor.has(Role.AGENCY_ADMIN)) {
            throw ApiProblem.forbidden("Rates, surcharges and the currency include cost: agency admins only.");
        }
    }
}
