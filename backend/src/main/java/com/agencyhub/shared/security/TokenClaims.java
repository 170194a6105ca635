package com.agencyhub.shared.security;

import com.agencyhub.shared.UserId;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an {@link Actor} from a Keycloak access token: {@code sub}, names, realm roles and the
 * {@code organization} claim in its "with ids" form: {@code {"<alias>": {"id": "<uuid>"}}}.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    static Optional<Actor> actor(Jwt jwt) {
        UUID subject;
        try {
            subject = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        String username = jwt.getClaimAsString("preferred_username");
        return Optional.of(new Actor(new UserId(subject), username == null ? subject.toString() : username,
                jwt.getClaimAsString("name"), jwt.getClaimAsString("email"), roles(jwt), organizations(jwt), Set.of()));
    }

    private static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> Role.fromClaim(String.valueOf(name)).ifPresent(roles::add));
        }
        return roles;
    }

    private static List<OrganizationClaim> organizations(Jwt jwt) {
        List<OrganizationClaim> organizations = new ArrayList<>();
        Object claim = jwt.getClaim("organization");
        if (claim instanceof Map<?, ?> byAlias) {
            byAlias.forEach((alias, details) -> organizations.add(new OrganizationClaim(String.valueOf(alias),
                    details instanceof Map<?, ?> map && map.get("id") != null ? String.valueOf(map.get("id")) : null)));
        } else if (claim instanceof Collection<?> aliases) {
            // aliases without ids: the realm's organization mapper must add ids; Actor.tenant() refuses these
            aliases.forEach(alias -> organizations.add(new OrganizationClaim(String.valueOf(alias), null)));
        }
        return organizations;
    }
}
