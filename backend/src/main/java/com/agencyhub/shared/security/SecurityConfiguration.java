package com.agencyhub.shared.security;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import com.agencyhub.shared.web.ratelimit.RateLimits;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
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
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The API is an OAuth2 resource server for Keycloak access tokens. The token says who the caller is;
 * {@link AgencyAccessFilter} says, from our member records, which agency the request is for and with which
 * roles; the rules below admit roles per path; which rows they see is decided by that agency (and, as a second
 * wall, by RLS).
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** The methods Spring Security's firewall lets through; any other (TRACE, CONNECT, …) is a 405. */
    private static final Set<HttpMethod> FIREWALL_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    /** Verified tokens kept per instance (a few kilobytes each) and for how long. */
    private static final int VERIFIED_TOKENS_KEPT = 5_000;
    private static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(5);
    private static final Duration KEY_SET_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KEY_SET_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /** Calendar feeds, read by their secret URL without a token. */
    private static final String PUBLIC_FEEDS = "/v1/feeds/**";
    /** Inbox webhook deliveries, signed with the webhook's secret instead of a token. */
    private static final String INBOX_WEBHOOKS = "/v1/inbox-webhooks/**";

    private static final String[] STAFF = {Role.AGENCY_ADMIN.claimValue(), Role.AGENCY_MANAGER.claimValue(),
            Role.SOCIAL_MEDIA_MANAGER.claimValue()};
    private static final String[] ADMINS_AND_MANAGERS = {Role.AGENCY_ADMIN.claimValue(),
            Role.AGENCY_MANAGER.claimValue()};
    private static final String[] BRAND_READERS = {Role.AGENCY_ADMIN.claimValue(), Role.AGENCY_MANAGER.claimValue(),
            Role.SOCIAL_MEDIA_MANAGER.claimValue(), Role.CLIENT_VIEWER.claimValue()};
    /** The brand's hours report: admins, managers and (where the brand shares it) its client users. */
    private static final String[] HOURS_REPORT_READERS = {Role.AGENCY_ADMIN.claimValue(),
            Role.AGENCY_MANAGER.claimValue(), Role.CLIENT_VIEWER.claimValue()};

    /**
     * Calendar feeds read by their secret URL ({@code GET /v1/feeds/<secret>.ics}) and inbox webhook deliveries
     * ({@code POST /v1/inbox-webhooks/<id>}, checked by the inbox's signature filter): calendar apps and tools send no
     * bearer token, and one sent along is not looked at (it can neither help nor spoil the request). The secret or the
     * signature decides; requests count against the per-address rate limit (and deliveries per webhook).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain publicFeeds(ServerHttpSecurity http, RateLimits rateLimits) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_FEEDS, INBOX_WEBHOOKS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .addFilterBefore(rateLimits.filter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems,
                                       MemberAccess memberAccess, CorsProperties cors, RateLimits rateLimits) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, error) -> {
            log.debug("Refused a bearer token: {}", error.getMessage());
            exchange.getResponse().getHeaders().set("WWW-Authenticate", wwwAuthenticate(error));
            return problems.write(exchange, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "Send a valid bearer token from the AgencyHub Keycloak realm.", List.of()));
        };
        ServerAccessDeniedHandler forbidden = (exchange, error) -> problems.write(exchange, ApiProblem.forbidden(
                AgencyAccessFilter.agencyToBeNamed(exchange) ? AgencyAccessFilter.SEVERAL_AGENCIES
                        : "Your roles do not allow this operation."));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies: nothing to forge
                .cors(ServerHttpSecurity.CorsSpec::disable) // our own filter below, answering refusals as problems
                .addFilterAt(new CorsProblemFilter(corsConfiguration(cors), problems), SecurityWebFiltersOrder.CORS)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        // Reading and editing one brand, and the list, are the most frequent requests. The rules are
                        // tried in order, each a reactive matcher per pattern (with these rules at the end of the list,
                        // a sixth of what a brand read allocated went to them), so theirs come first; no rule below
                        // matches these methods and paths but the general brands rule at the end.
                        .pathMatchers(HttpMethod.GET, "/v1/brands", "/v1/brands/*").hasAnyRole(BRAND_READERS)
                        .pathMatchers(HttpMethod.PATCH, "/v1/brands/*").hasAnyRole(ADMINS_AND_MANAGERS)
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
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/plan-adherence", "/v1/plan-adherence")
                        .hasAnyRole(STAFF)
                        // hours: staff book their own (Timesheets narrows the rest), admins close months, admins and
                        // managers adjust closed months and book duty
                        .pathMatchers(HttpMethod.POST, "/v1/closed-months").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.POST, "/v1/time-entries/*/adjustments")
                        .hasAnyRole(ADMINS_AND_MANAGERS)
                        .pathMatchers("/v1/time-entries", "/v1/time-entries/**", "/v1/timer", "/v1/timer/**",
                                "/v1/closed-months").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/duty-billing").hasAnyRole(STAFF)
                        .pathMatchers("/v1/brands/*/duty-billing", "/v1/brands/*/duty-billing/**")
                        .hasAnyRole(ADMINS_AND_MANAGERS)
                        // the roster is the agency's own planning: staff only; RosterAuthority refines writes
                        .pathMatchers("/v1/roster/**", "/v1/brands/*/roster/**").hasAnyRole(STAFF)
                        // staff read notifications (Notifications narrows social-media managers to their own)
                        .pathMatchers(HttpMethod.GET, "/v1/notifications").hasAnyRole(STAFF)
                        .pathMatchers("/v1/notification-webhooks", "/v1/notification-webhooks/**")
                        .hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/response-times", "/v1/brands/*/response-times/**")
                        .hasAnyRole(BRAND_READERS)
                        .pathMatchers("/v1/response-times", "/v1/response-times/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/hours-report", "/v1/brands/*/hours-report/**")
                        .hasAnyRole(HOURS_REPORT_READERS)
                        .pathMatchers(HttpMethod.GET, "/v1/hours-reports/members").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/hours-reports/agency").hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/posts/export").hasAnyRole(BRAND_READERS)
                        .pathMatchers(HttpMethod.POST, "/v1/brands/*/posts/import").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/v1/brands/*/posts", "/v1/posts", "/v1/posts/**")
                        .hasAnyRole(BRAND_READERS)
                        // client users review their brands' posts; Posts checks the approval permission per brand
                        .pathMatchers(HttpMethod.POST, "/v1/posts/*/transitions").hasAnyRole(BRAND_READERS)
                        .pathMatchers("/v1/brands/*/posts", "/v1/posts/**").hasAnyRole(STAFF)
                        .pathMatchers("/v1/calendar-feeds", "/v1/calendar-feeds/**").hasAnyRole(BRAND_READERS)
                        // the inbox is the agency's work: staff read and act; client users get reports (another issue)
                        .pathMatchers("/v1/brands/*/interactions", "/v1/brands/*/interactions/**", "/v1/interactions",
                                "/v1/interactions/**").hasAnyRole(STAFF)
                        .pathMatchers("/v1/brands/*/inbox-webhook", "/v1/brands/*/inbox-webhook/**")
                        .hasRole(Role.AGENCY_ADMIN.claimValue())
                        // pricing: staff read the activity catalogue, admins and managers edit it; rates, surcharges
                        // and the currency include cost, so they are the admins'
                        .pathMatchers(HttpMethod.GET, "/v1/activities", "/v1/activities/*").hasAnyRole(STAFF)
                        .pathMatchers("/v1/activities", "/v1/activities/*").hasAnyRole(ADMINS_AND_MANAGERS)
                        .pathMatchers("/v1/rates", "/v1/rates/**", "/v1/surcharges", "/v1/pricing-settings")
                        .hasRole(Role.AGENCY_ADMIN.claimValue())
                        .pathMatchers("/v1/brands", "/v1/brands/**").hasAnyRole(ADMINS_AND_MANAGERS)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfiguration::authenticate))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .addFilterBefore(new AgencyAccessFilter(memberAccess, problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterBefore(rateLimits.filter(), SecurityWebFiltersOrder.AUTHORIZATION) // the agency is known
                .build();
    }

    /**
     * Browser front ends on the configured origins may call the API with bearer tokens (no cookies, so no
     * credentials mode); every other origin gets no CORS headers, and its preflight is refused.
     */
    private static CorsConfigurationSource corsConfiguration(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", AgencyAccessFilter.AGENCY_HEADER,
                "Idempotency-Key"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "WWW-Authenticate"));
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /**
     * No tracing observation around every security filter, authentication and authorization: each cost more than the
     * filter it wraps, nothing reads those spans, and the request as a whole is still measured
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, checking headers and query parameters once per request, with a fast path for
     * header names and values of printable ASCII.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        return CheckedOnceFirewall.withPrintableAsciiFastPath();
    }

    /**
     * Requests the firewall refuses (encoded slashes, percent signs or NUL in the path, {@code //} segments, control
     * characters in a header or a parameter's name): a 400 problem like every other refusal, not an empty answer.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> {
            log.debug("Firewall refused {}: {}", exchange.getRequest().getPath(), rejected.getMessage());
            if (!FIREWALL_METHODS.contains(exchange.getRequest().getMethod())) {
                exchange.getResponse().getHeaders().setAllow(FIREWALL_METHODS);
                return problems.write(exchange, new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                        "Method not allowed", "This API does not accept " + exchange.getRequest().getMethod() + ".",
                        List.of()));
            }
            return problems.write(exchange, ApiProblem.badRequest(
                    "The request's path, headers or parameter names contain characters or segments this API does "
                            + "not accept."));
        };
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.publicKey() != null && !properties.publicKey().isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(properties.publicKey())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                        .webClient(keySetClient()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)),
                new JwtIssuerValidator(properties.issuer()),
                audience);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS_KEPT, VERIFIED_TOKENS_KEPT_FOR);
    }

    /**
     * Fetches Keycloak's signing keys with time limits: while Keycloak does not answer, token checks fail (401) instead
     * of waiting forever. The keys are fetched once and again only for a token signed with an unknown key.
     */
    private static WebClient keySetClient() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) KEY_SET_CONNECT_TIMEOUT.toMillis())
                .responseTimeout(KEY_SET_ANSWER_TIMEOUT);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    private static Mono<ActorAuthentication> authenticate(Jwt jwt) {
        return TokenClaims.person(jwt)
                .map(person -> Mono.just(new ActorAuthentication(jwt, person)))
                .orElseGet(() -> Mono.error(new OAuth2AuthenticationException(new BearerTokenError("invalid_token",
                        HttpStatus.UNAUTHORIZED, "The token's subject is not a user id.", null))));
    }

    /** RFC 6750: the error code tells a client to get a new token; the reason stays in our log. */
    private static String wwwAuthenticate(AuthenticationException error) {
        if (error instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError bearer) {
            return "Bearer error=\"" + bearer.getErrorCode() + "\"";
        }
        return "Bearer";
    }

    static RSAPublicKey rsaPublicKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("agencyhub.auth.public-key is not a PEM RSA public key", e);
        }
    }
}
