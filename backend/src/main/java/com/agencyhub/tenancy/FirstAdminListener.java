package com.agencyhub.tenancy;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

import java.time.ZoneId;

/**
 * Told about the first admin of a newly onboarded agency, inside the onboarding transaction, so that modules
 * above tenancy (members) record them without tenancy depending on those modules.
 */
public interface FirstAdminListener {

    Mono<Void> firstAdminCreated(DSLContext transaction, TenantId tenant, AuditActor actor, FirstAdmin admin);

    /** @param needsInvitation the account is new and has no password yet */
    record FirstAdmin(UserId id, String email, String firstName, String lastName, ZoneId zone,
                      boolean needsInvitation) {
    }
}
