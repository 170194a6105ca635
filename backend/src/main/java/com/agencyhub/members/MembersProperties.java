package com.agencyhub.members;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * @param invitationRedirect where Keycloak sends an invited person after they have set their password:
 *                           the web front end
 */
@ConfigurationProperties("agencyhub.members")
public record MembersProperties(@DefaultValue("http://localhost:5173/") URI invitationRedirect) {
}
