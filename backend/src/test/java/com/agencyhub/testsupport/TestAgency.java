package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Role;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test agency with people in it: onboarded through the API by a platform admin, so the tests start from
 * the state real onboarding produces. Each call makes a new agency with a unique slug.
 */
public record TestAgency(TenantId tenant, String slug, UserId admin) {

    public static final UUID PLATFORM_ADMIN = UUID.fromString("00000000-0000-4000-8000-00000000a0a0");

    public static String platformAdminToken() {
        return TestTokens.token(PLATFORM_ADMIN, "platform-admin@agencyhub.local",
                List.of(Role.PLATFORM_ADMIN.claimValue()), Map.of());
    }

    /**
     * A token of a person whose organization claim names this agency. What they may do here comes from their
     * member record, not from the token: a person without one is refused (see ApiTest#memberToken).
     */
    public String tokenFor(UUID user) {
        return TestTokens.token(user, user + "@" + slug + ".test", List.of(), Map.of(slug, tenant.value()));
    }

    public String adminToken() {
        return tokenFor(admin.value());
    }
}
