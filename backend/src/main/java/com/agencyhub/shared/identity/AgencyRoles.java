package com.agencyhub.shared.identity;

import com.agencyhub.shared.security.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The realm roles the backend may grant and revoke: every role of an agency's members, never
 * {@code platform-admin}. The backend's service account could grant any realm role (manage-users), so this
 * check is what keeps an agency admin from making someone a platform admin.
 */
public final class AgencyRoles {

    public static final Set<String> ALL = Arrays.stream(Role.values())
            .filter(role -> role != Role.PLATFORM_ADMIN)
            .map(Role::claimValue)
            .collect(Collectors.toUnmodifiableSet());

    private AgencyRoles() {
    }

    /** Returns {@code roles} when all are agency roles; otherwise throws, naming the others. */
    public static Set<String> require(Set<String> roles) {
        Set<String> others = new TreeSet<>(roles);
        others.removeAll(ALL);
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("not an agency role: " + others + " (allowed: " + new TreeSet<>(ALL) + ")");
        }
        return roles;
    }
}
