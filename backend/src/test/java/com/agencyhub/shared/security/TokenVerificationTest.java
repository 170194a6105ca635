package com.agencyhub.shared.security;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Every way a bearer token can be wrong ends in a 401 problem with a WWW-Authenticate challenge. */
class TokenVerificationTest extends ApiTest {

    private TestAgency agency;

    @BeforeEach
    void anAgency() {
        agency = newAgency("tokens");
    }

    @Test
    void aValidTokenIsAccepted() {
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(adminToken(UnaryOperator.identity())))
                .exchange().expectStatus().isOk();
    }

    @Test
    void anExpiredTokenIsRejected() {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        expectRejected(adminToken(c -> c.issueTime(Date.from(anHourAgo)).notBeforeTime(Date.from(anHourAgo))
                .expirationTime(Date.from(anHourAgo.plusSeconds(300)))));
    }

    @Test
    void aTokenNotYetValidIsRejected() {
        expectRejected(adminToken(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        expectRejected(adminToken(c -> c.issuer("http://127.0.0.1:9999/realms/elsewhere")));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        expectRejected(adminToken(c -> c.audience(List.of("account"))));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject(agency.admin().toString()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of("agency-admin"))).build();
        expectRejected(TestTokens.signedByStranger(claims));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject(agency.admin().toString()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        expectRejected(new PlainJWT(claims).serialize());
    }

    @Test
    void garbageAndMissingTokensAreRejected() {
        expectRejected("not.a.jwt");
        http.get().uri("/v1/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenWithoutAUserSubjectIsRejected() {
        expectRejected(adminToken(c -> c.subject("service-account-someone")));
    }

    @Test
    void aTokenWithoutAnAgencyCannotUseAgencyEndpoints() {
        String noOrganization = TestTokens.token(UUID.randomUUID(), "lost@example.test", List.of("agency-admin"), Map.of());
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(noOrganization)).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String adminToken(UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return TestTokens.token(agency.admin().value(), "admin@" + agency.slug() + ".test", List.of("agency-admin"),
                Map.of(agency.slug(), agency.tenant().value()), adjust);
    }

    /** Every refusal reads the same: the reason (expired, issuer, audience, signature) stays in the server's log. */
    private void expectRejected(String token) {
        http.get().uri("/v1/agency").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.detail").isEqualTo("Send a valid bearer token from the AgencyHub Keycloak realm.");
    }
}
