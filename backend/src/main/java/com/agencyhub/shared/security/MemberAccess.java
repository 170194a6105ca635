package com.agencyhub.shared.security;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * What our records say a person may do: the source of authority for every agency request. Implemented by the
 * members module; asked once per request, before any work.
 */
public interface MemberAccess {

    /** The person's grant in the agency; empty when they hold no active record there (none, or deactivated). */
    Mono<Grant> grant(TenantId agency, Actor person);

    /** The agencies in which the person holds an active record, across agencies. */
    Mono<List<TenantId>> agenciesOf(UserId person);

    /** Roles, the brands a client user sees, and of those the brands whose posts they may approve. */
    record Grant(Set<Role> roles, Set<BrandId> brandScope, Set<BrandId> approvalScope) {

        public Grant {
            roles = Set.copyOf(roles);
            brandScope = Set.copyOf(brandScope);
            approvalScope = Set.copyOf(approvalScope);
        }
    }
}
