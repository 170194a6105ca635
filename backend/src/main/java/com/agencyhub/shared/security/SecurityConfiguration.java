package com.agencyhub.shared.security;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The API is an OAuth2 resource server for Keycloak access tokens. Who may call what is decided here by
 * role; which rows they see is decided by the tenant in the token (and, as a second wall, by RLS).
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final String[] STAFF = {Role.AGENCY_ADMIN.claimValue(), Role.AGENCY_MANAGER.claimValue(),
            Role.SOCIAL_MEDIA_MANAGER.claimValue()};
    private static final String[] ADMINS_AND_MANAGERS = {Role.AGENCY_ADMIN.claimValue(),
            Role.AGENCY_MANAGER.claimValue()};
    private static final String[] BRAND_READERS = {Role.AGENCY_ADMIN.claimValue(), Role.AGENCY_MANAGER.claimValue(),
            Role.SOCIAL_MEDIA_MANAGER.claimValue(), Role.CLIENT_VIEWER.claimValue()};

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems,
                                       ObjectProvider<MemberAccess> memberAccess) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, error) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", wwwAuthenticate(error));
            return problems.write(exchange, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", unauthorizedDetail(error), List.of()));
        };
        ServerAccessDeniedHandler forbidden = (exchange, error) -> problems.write(exchange,
                ApiProblem.forbidden("Your roles do not allow this operation."));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/api/**", "/webjars/**").permitAll()
                        .pathMatchers("/v1/agencies", "/v1/agencies/**").hasRole(Role.PLATFORM_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/agency").hasAnyRole(STAFF)
                        .pathMatchers("/v1/agency").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers("/v1/audit-events").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/members", "/v1/members/*").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.POST, "/v1/members/*/invitation").hasAnyRole(ADMINS_AND_MANAGERS)
                        .pathMatchers("/v1/members", "/v1/members/**").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers("/v1/client-users", "/v1/client-users/**").hasAnyRole(ADMINS_AND_MANAGERS)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/team").hasAnyRole(BRAND_READERS)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/business-time/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/strategy", "/v1/brands/*/strategy/**")
                        .hasAnyRole(BRAND_READERS)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/audit-events")
                        .hasAnyRole(Role.AGENCY_ADMIN.claimValue(), Role.CLIENT_VIEWER.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/export").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/readiness").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/guidelines/draft").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/guidelines", "/v1/brands/*/guidelines/**")
                        .hasAnyRole(BRAND_READERS)
                        .pathMatchers(HttpMethod.POST, "/v1/brands/*/guidelines/versions/*/acknowledgement")
                        .hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands", "/v1/brands/*").hasAnyRole(BRAND_READERS)
                        .pathMatchers("/v1/brands", "/v1/brands/**").hasAnyRole(ADMINS_AND_MANAGERS)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(token -> authenticate(token, memberAccess)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.publicKey() != null && !properties.publicKey().isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(properties.publicKey())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)),
                new JwtIssuerValidator(properties.issuer()),
                audience));
        return decoder;
    }

    private static Mono<ActorAuthentication> authenticate(Jwt jwt, ObjectProvider<MemberAccess> memberAccess) {
        return TokenClaims.actor(jwt)
                .map(actor -> withOurRecords(actor, memberAccess.getIfAvailable()))
                .orElseGet(() -> Mono.error(invalidToken("The token's subject is not a user id.")))
                .map(actor -> new ActorAuthentication(jwt, actor));
    }

    /** Tokens live up to 15 minutes; our records say at once whether a member was deactivated meanwhile. */
    private static Mono<Actor> withOurRecords(Actor actor, MemberAccess memberAccess) {
        if (memberAccess == null || actor.tenant().isEmpty()) {
            return Mono.just(actor);
        }
        return memberAccess.lookup(actor.tenant().get(), actor)
                .flatMap(grant -> grant.active() ? Mono.just(actor.withBrandScope(grant.brandScope()))
                        : Mono.<Actor>error(invalidToken("The membership in this agency has been deactivated.")))
                .defaultIfEmpty(actor);
    }

    private static OAuth2AuthenticationException invalidToken(String description) {
        return new OAuth2AuthenticationException(new BearerTokenError("invalid_token", HttpStatus.UNAUTHORIZED,
                description, null));
    }

    private static String wwwAuthenticate(AuthenticationException error) {
        if (error instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError bearer) {
            return "Bearer error=\"" + bearer.getErrorCode() + "\", error_description=\""
                    + quoted(bearer.getDescription()) + "\"";
        }
        return "Bearer";
    }

    private static String unauthorizedDetail(AuthenticationException error) {
        if (error instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "The bearer token was rejected: " + oauth.getError().getDescription();
        }
        return "Send a valid bearer token from the AgencyHub Keycloak realm.";
    }

    private static String quoted(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "'");
    }

    private static RSAPublicKey rsaPublicKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("agencyhub.auth.public-key is not a PEM RSA public key", e);
        }
    }
}
