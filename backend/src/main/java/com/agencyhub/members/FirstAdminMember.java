package com.agencyhub.members;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.security.Role;
import com.agencyhub.tenancy.FirstAdminListener;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * The first admin of a new agency becomes its first staff member in the onboarding transaction, and gets the
 * invitation e-mail like every other member.
 */
@Component
class FirstAdminMember implements FirstAdminListener {

    private final Members members;

    FirstAdminMember(Members members) {
        this.members = members;
    }

    @Override
    public Mono<Void> firstAdminCreated(DSLContext sql, TenantId tenant, AuditActor actor, FirstAdmin admin) {
        Invitation invitation = Invitation.staff(admin.email(), admin.firstName(), admin.lastName(),
                Set.of(Role.AGENCY_ADMIN),
                new StaffProfile(admin.zone(), Set.of(), Set.of(), null, WorkingTimeRules.DEFAULT, List.of()));
        return members.store(sql, tenant, actor, invitation, admin.id())
                .then(admin.needsInvitation() ? members.sendInvitation(admin.id()) : Mono.empty());
    }
}
