package com.agencyhub.shared.security;

import com.agencyhub.testsupport.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's signature is checked once; its validity (expiry) on every use; a forged token is never kept. */
class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.now());
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = tokens();

    @Test
    void aTokenIsVerifiedOnceAndRefusedOnceItExpires() {
        String token = TestTokens.token(UUID.randomUUID(), "ada@example.test", List.of(), Map.of(),
                claims -> claims.expirationTime(Date.from(clock.instant().plusSeconds(60))));

        assertThat(tokens.decode(token).block().getSubject()).isNotBlank();
        assertThat(tokens.decode(token).block().getSubject()).isNotBlank();
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(61));
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).as("the expired token was dropped and checked again in full").hasValue(2);
    }

    @Test
    void aForgedTokenIsNeverKept() {
        Instant now = clock.instant();
        String forged = TestTokens.signedByStranger(new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE).subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());

        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens tokens() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(
                SecurityConfiguration.rsaPublicKey(TestTokens.publicKeyPem())).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        nimbus.setJwtValidator(expiry);
        ReactiveJwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counting, expiry, 100, Duration.ofMinutes(5));
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
