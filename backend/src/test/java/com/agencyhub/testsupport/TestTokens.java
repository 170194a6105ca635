package com.agencyhub.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Signs access tokens shaped like the AgencyHub realm's (issuer, audience, realm roles, organization claim
 * with ids) with a key of the test run; the application under test trusts its public key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:18180/realms/agencyhub";
    public static final String AUDIENCE = "agencyhub-api";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** Makes the application under test trust these tokens: issuer, audience and the public key. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("agencyhub.auth.issuer", () -> ISSUER);
        registry.add("agencyhub.auth.audience", () -> AUDIENCE);
        registry.add("agencyhub.auth.public-key", TestTokens::publicKeyPem);
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    /** A token for a user; {@code organizations} maps alias to organization id (usually one entry). */
    public static String token(UUID userId, String username, List<String> roles, Map<String, UUID> organizations) {
        return token(userId, username, roles, organizations, UnaryOperator.identity());
    }

    public static String token(UUID userId, String username, List<String> roles, Map<String, UUID> organizations,
                               UnaryOperator<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", username)
                .claim("email", username)
                .claim("name", "Test " + username)
                .claim("realm_access", Map.of("roles", roles));
        if (!organizations.isEmpty()) {
            Map<String, Object> claim = new java.util.LinkedHashMap<>();
            organizations.forEach((alias, id) -> claim.put(alias, Map.of("id", id.toString())));
            claims.claim("organization", claim);
        }
        return sign(adjust.apply(claims).build(), KEYS);
    }

    /** Signs with an unrelated key: a token the application must reject. */
    public static String signedByStranger(JWTClaimsSet claims) {
        return sign(claims, generate());
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
