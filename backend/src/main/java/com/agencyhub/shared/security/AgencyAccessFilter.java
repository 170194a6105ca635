package com.agencyhub.shared.security;

import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, after the token is verified and before any other work, which agency the request is for and what the
 * caller may do there. Authority comes from our member records only: an agency request is served when the caller
 * holds an active record in that agency, with that record's roles and brand scope; otherwise 403 with one generic
 * message.
 *
 * <p>The agency of a request, first that applies:
 * <ol>
 *   <li>the {@value #AGENCY_HEADER} header; when the token has an organization claim, it must name the agency too;</li>
 *   <li>the one organization the token's claim names;</li>
 *   <li>without a claim (a person in several organizations whose client asked for plain scope
 *       {@code organization}), the one agency in which our records hold the person.</li>
 * </ol>
 * Several candidates and no header: 403 asking for the header. No candidate: the request is for no agency, which
 * only platform administration and {@code GET /v1/me} accept.
 */
public final class AgencyAccessFilter implements WebFilter {

    public static final String AGENCY_HEADER = "X-Agency-Id";
    static final String NO_ACCESS = "You have no access to this agency.";
    static final String SEVERAL_AGENCIES = "You belong to several agencies: name the one this request is for in the "
            + AGENCY_HEADER + " header.";

    private static final Logger log = LoggerFactory.getLogger(AgencyAccessFilter.class);

    private final MemberAccess records;
    private final ProblemWriter problems;

    AgencyAccessFilter(MemberAccess records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(ActorAuthentication.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(authentication -> authentication.isEmpty() ? chain.filter(exchange)
                        : resolve(exchange, authentication.get())
                        .flatMap(resolved -> chain.filter(exchange)
                                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(resolved)))
                        .onErrorResume(ApiProblem.class, problem -> problems.write(exchange, problem)));
    }

    private Mono<ActorAuthentication> resolve(ServerWebExchange exchange, ActorAuthentication authentication) {
        Actor person = authentication.actor();
        OrganizationClaim claim = TokenClaims.organizations(authentication.token());
        return agencyOf(exchange, person, claim)
                .flatMap(agency -> records.grant(agency, person)
                        .map(grant -> authentication.actingAs(person.actingFor(agency, grant.roles(),
                                grant.brandScope())))
                        .switchIfEmpty(Mono.error(() -> denied(person, agency, "no active member record"))))
                .defaultIfEmpty(authentication);
    }

    private Mono<TenantId> agencyOf(ServerWebExchange exchange, Actor person, OrganizationClaim claim) {
        List<String> header = exchange.getRequest().getHeaders().getOrEmpty(AGENCY_HEADER);
        if (!header.isEmpty()) {
            UUID requested = requestedAgency(header);
            if (claim.present() && !claim.names(requested)) {
                return Mono.error(denied(person, new TenantId(requested), "the token's organizations do not name it"));
            }
            return Mono.just(new TenantId(requested));
        }
        if (claim.present()) {
            if (claim.ids().size() > 1) {
                return Mono.error(ApiProblem.forbidden(SEVERAL_AGENCIES));
            }
            return claim.single().map(TenantId::new).map(Mono::just)
                    .orElseGet(() -> Mono.error(denied(person, null, "organization claim without ids")));
        }
        return records.agenciesOf(person.userId()).flatMap(agencies -> switch (agencies.size()) {
            case 0 -> Mono.empty();
            case 1 -> Mono.just(agencies.get(0));
            default -> Mono.error(ApiProblem.forbidden(SEVERAL_AGENCIES));
        });
    }

    private static UUID requestedAgency(List<String> header) {
        if (header.size() == 1 && header.get(0).strip().length() == 36) {
            try {
                return UUID.fromString(header.get(0).strip());
            } catch (IllegalArgumentException notAnId) {
                // answered below
            }
        }
        throw ApiProblem.invalidField(AGENCY_HEADER, "must be one agency id (a UUID)", "invalid-header");
    }

    private static ApiProblem denied(Actor person, TenantId agency, String reason) {
        log.info("Refused user {} for agency {}: {}", person.userId(), agency, reason);
        return ApiProblem.forbidden(NO_ACCESS);
    }
}
