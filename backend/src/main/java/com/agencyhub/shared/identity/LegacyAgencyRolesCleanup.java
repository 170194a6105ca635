package com.agencyhub.shared.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Migration step for the identity provider: earlier versions granted agency roles as Keycloak realm roles, which
 * hold in every agency (one agency's admin could make or break admins of another). Authority now lives in our
 * member records, so the realm roles are deleted (which takes them from every user) once the application is up.
 * Idempotent; a failure is logged and the next start tries again. The member records were always kept and are
 * the roles people have now.
 */
@Component
class LegacyAgencyRolesCleanup {

    private static final Logger log = LoggerFactory.getLogger(LegacyAgencyRolesCleanup.class);

    private final IdentityDirectory identity;

    LegacyAgencyRolesCleanup(IdentityDirectory identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deleteLegacyRoles() {
        identity.deleteLegacyAgencyRoles().subscribe(
                deleted -> {
                    if (!deleted.isEmpty()) {
                        log.info("Deleted the legacy realm-wide agency roles {} from the identity provider", deleted);
                    }
                },
                failure -> log.warn("Could not delete the legacy realm-wide agency roles; the next start retries: {}",
                        failure.getMessage()));
    }
}
