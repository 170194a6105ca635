package com.agencyhub.shared.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of the platform, as Keycloak names them. */
public enum Role {
    PLATFORM_ADMIN("platform-admin"),
    AGENCY_ADMIN("agency-admin"),
    AGENCY_MANAGER("agency-manager"),
    SOCIAL_MEDIA_MANAGER("social-media-manager"),
    CLIENT_VIEWER("client-viewer");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security authority, for {@code hasRole(claimValue)}. */
    public String authority() {
        return "ROLE_" + claimValue;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
