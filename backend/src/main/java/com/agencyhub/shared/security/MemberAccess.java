package com.agencyhub.shared.security;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What our records add to a verified token: whether the member is still active in the agency and, for client
 * users, the brands they may see. Implemented by the members module; asked once per request.
 */
public interface MemberAccess {

    /** Empty when we hold no record of the caller in the agency their token names. */
    Mono<Grant> lookup(TenantId tenant, Actor caller);

    record Grant(boolean active, Set<BrandId> brandScope) {

        public Grant {
            brandScope = Set.copyOf(brandScope);
        }
    }
}
