package com.agencyhub.members;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * @param invitationRedirect where Keycloak sends an invited person after they have set their password:
 *                           the web front end
 * @param cacheGrants        keep recent callers' grants in memory, evicted on every instance through PostgreSQL
 *                           notifications; needs a direct (session) connection to {@code spring.r2dbc.url}, so
 *                           switch it off when that URL goes through a pooler in transaction mode
 * @param grantCacheSize     how many (person, agency) grants an instance keeps at most
 */
@ConfigurationProperties("agencyhub.members")
public record MembersProperties(@DefaultValue("http://localhost:5173/") URI invitationRedirect,
                                @DefaultValue("true") boolean cacheGrants,
                                @DefaultValue("10000") int grantCacheSize) {
}
