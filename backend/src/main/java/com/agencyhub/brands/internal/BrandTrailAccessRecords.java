package com.agencyhub.brands.internal;

import com.agencyhub.audit.BrandTrailAccess;
import com.agencyhub.brands.Brands;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Agency admins read every brand's trail; client users only of brands in their scope that share it. */
@Component
class BrandTrailAccessRecords implements BrandTrailAccess {

    private final Brands brands;

    BrandTrailAccessRecords(Brands brands) {
        this.brands = brands;
    }

    @Override
    public Mono<Boolean> mayRead(Actor actor, BrandId brand) {
        return brands.find(actor, brand)
                .map(found -> actor.has(Role.AGENCY_ADMIN)
                        || (actor.isClientUser() && found.settings().clientSeesAudit()))
                .defaultIfEmpty(false);
    }
}
