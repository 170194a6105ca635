package com.agencyhub.tenancy;

import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

/**
 * Told about a newly onboarded agency inside the onboarding transaction (as the platform role, scoped to the new
 * agency), so that modules above tenancy give it their defaults without tenancy depending on them.
 */
public interface AgencyCreatedListener {

    Mono<Void> agencyCreated(DSLContext transaction, TenantId tenant);
}
