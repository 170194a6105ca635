package com.agencyhub.shared.security;

import com.agencyhub.shared.Caches;
import com.github.benmanes.caffeine.cache.Cache;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Checks each distinct token's signature once: a client sends the same access token with every request until it
 * expires, and parsing it and verifying an RSA signature is most of what authentication costs. A verified token is
 * kept by its exact text for a few minutes (a bounded number of them); every use still runs the validators
 * (expiry, issuer, audience) on the kept claims. A token is as valid on its tenth use as on its first, so this
 * changes nothing a caller can observe, except that a signing key Keycloak withdraws stops verifying tokens seen
 * before only when they drop out of this cache.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int size, Duration keptFor) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caches.upkeepOnCallersThread().maximumSize(size).expireAfterWrite(keptFor).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("The token is no longer valid", result.getErrors()));
        }
        return Mono.just(known);
    }
}
