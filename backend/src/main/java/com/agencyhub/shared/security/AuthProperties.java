package com.agencyhub.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * How bearer tokens are verified. Production and the dev stack name Keycloak's JWKS endpoint; tests name
 * a PEM public key of their own signing key instead. Issuer and audience are always checked.
 *
 * @param issuer      the expected {@code iss}, e.g. http://127.0.0.1:8180/realms/agencyhub
 * @param audience    a value the token's {@code aud} must contain
 * @param jwkSetUri   where the signing keys are published (cached, refreshed on unknown key ids)
 * @param publicKey   a PEM RSA public key, used instead of {@code jwkSetUri} when set
 */
@ConfigurationProperties("agencyhub.auth")
public record AuthProperties(String issuer, String audience, URI jwkSetUri, String publicKey) {
}
