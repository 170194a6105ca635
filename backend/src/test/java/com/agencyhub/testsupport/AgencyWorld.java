package com.agencyhub.testsupport;

import java.util.UUID;

/**
 * An agency with one of everything, for tests that call every operation: a brand in a client user's scope (with
 * an approved strategy, published guidelines, open drafts of both and a team) and one out of it, staff of each
 * role, a deactivated member, a staff member and a client user to act on, and a person who is also admin of
 * another agency. See {@link ApiTest#newWorld}.
 */
public record AgencyWorld(TestAgency agency, UUID brandInScope, UUID brandOutOfScope, UUID manager,
                          UUID socialMediaManager, UUID deactivated, UUID targetStaff, UUID targetClient,
                          UUID memberOfBoth, String clientInScopeToken, String clientOutOfScopeToken,
                          UUID approvedPost) {

    /**
     * The contract's path template with this world's objects: its brand in scope, its approved post there, its target
     * members, version 1.
     */
    public String path(String template) {
        return template
                .replace("{brandId}", brandInScope.toString())
                .replace("{agencyId}", agency.tenant().toString())
                .replace("{versionNumber}", "1")
                .replace("{postId}", approvedPost.toString())
                .replace("{memberId}", (template.startsWith("/v1/client-users") ? targetClient : targetStaff)
                        .toString());
    }
}
