package com.agencyhub.shared.security;

import com.agencyhub.shared.UserId;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the caller from a Keycloak access token: {@code sub}, names, the realm role {@code platform-admin} and
 * the {@code organization} claim. Agency roles in the token are ignored: they live in our member records.
 */
final class TokenClaims {

    private static final String PLATFORM_ADMIN = Role.PLATFORM_ADMIN.claimValue();

    private TokenClaims() {
    }

    /** The person the token belongs to, acting for no agency yet; empty when {@code sub} is not a user id. */
    static Optional<Actor> person(Jwt jwt) {
        UUID subject;
        try {
            subject = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        String username = jwt.getClaimAsString("preferred_username");
        Set<Role> roles = isPlatformAdmin(jwt) ? Set.of(Role.PLATFORM_ADMIN) : Set.of();
        return Optional.of(new Actor(new UserId(subject), username == null ? subject.toString() : username,
                jwt.getClaimAsString("name"), jwt.getClaimAsString("email"), null, roles, Set.of(),
                Set.of()));
    }

    private static boolean isPlatformAdmin(Jwt jwt) {
        return jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names
                && names.contains(PLATFORM_ADMIN);
    }

    /** Aliases without ids (a realm whose organization mapper does not add ids) name no organization we accept. */
    static OrganizationClaim organizations(Jwt jwt) {
        Object claim = jwt.getClaim("organization");
        if (claim instanceof Map<?, ?> byAlias) {
            List<UUID> ids = new ArrayList<>();
            byAlias.values().forEach(details -> {
                if (details instanceof Map<?, ?> map && map.get("id") != null) {
                    parse(String.valueOf(map.get("id"))).ifPresent(ids::add);
                }
            });
            return new OrganizationClaim(true, ids);
        }
        return claim == null ? OrganizationClaim.ABSENT : new OrganizationClaim(true, List.of());
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
