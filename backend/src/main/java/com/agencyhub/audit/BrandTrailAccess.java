package com.agencyhub.audit;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Whether a caller may read one brand's audit trail. The brands module answers it (it owns the brands, the
 * client users' scope check and the brand's sharing settings); audit sits below brands and only asks.
 */
public interface BrandTrailAccess {

    /** False for brands of other agencies, brands the caller may not see, and brands that do not share it. */
    Mono<Boolean> mayRead(Actor actor, BrandId brand);
}
