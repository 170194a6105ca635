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
 * No candidate, or several and no header: the request is for no agency, which only platform administration and
 * {@code GET /v1/me} accept (a refusal then asks for the header).
 */
public final class AgencyAccessFilter implements WebFilter {

    public static final String AGENCY_HEADER = "X-Agency-Id";
    static final String NO_ACCESS = "You have no access to this agency.";
    static final String SEVERAL_AGENCIES = "You belong to several agencies: name the one this request is for in the "
            + AGENCY_HEADER + " header.";

    private static final Logger log = LoggerFactory.getLogger(AgencyAccessFilter.class);
    private static final String AGENCY_TO_BE_NAMED = AgencyAccessFilter.class.getName() + ".agencyToBeNamed";

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
                        .onErrorResume(ApiProblem.class, refused -> problems.write(exchange, refused)
                                .then(Mono.empty()))
                        .flatMap(resolved -> chain.filter(exchange)
                                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(resolved))));
    }

    /** Whether the caller belongs to several agencies and named none: a refusal then asks for the header. */
    static boolean agencyToBeNamed(ServerWebExchange exchange) {
        return exchange.getAttribute(AGENCY_TO_BE_NAMED) != null;
    }

    private Mono<ActorAuthentication> resolve(ServerWebExchange exchange, ActorAuthentication authentication) {
        Actor person = authentication.actor();
        OrganizationClaim claim = TokenClaims.organizations(authentication.token());
        return agencyOf(exchange, person, claim).flatMap(choice -> switch (choice.kind()) {
            case NONE -> Mono.just(authentication);
            case SEVERAL -> {
                exchange.getAttributes().put(AGENCY_TO_BE_NAMED, Boolean.TRUE);
                yield Mono.just(authentication);
            }
            case ONE -> records.grant(choice.agency(), person)
                    .map(grant -> authentication.actingAs(person.actingFor(choice.agency(), grant)))
                    .switchIfEmpty(Mono.error(() -> denied(person, choice.agency(), "no active member record")));
        });
    }

    /** The outcome of choosing the agency of a request. */
    private record Choice(Kind kind, TenantId agency) {

        enum Kind { NONE, ONE, SEVERAL }

        static final Choice NONE = new Choice(Kind.NONE, null);
        static final Choice SEVERAL = new Choice(Kind.SEVERAL, null);

        static Choice of(TenantId agency) {
            return new Choice(Kind.ONE, agency);
        }
    }

    private Mono<Choice> agencyOf(ServerWebExchange exchange, Actor person, OrganizationClaim claim) {
        List<String> header = exchange.getRequest().getHeaders().getOrEmpty(AGENCY_HEADER);
        if (!header.isEmpty()) {
            UUID requested = requestedAgency(header);
            if (claim.present() && !claim.names(requested)) {
                return Mono.error(denied(person, new TenantId(requested), "the token's organizations do not name it"));
            }
            return Mono.just(Choice.of(new TenantId(requested)));
        }
        if (claim.present()) {
            if (claim.ids().size() > 1) {
                return Mono.just(Choice.SEVERAL);
            }
            return claim.single().map(id -> Mono.just(Choice.of(new TenantId(id))))
                    .orElseGet(() -> Mono.error(denied(person, null, "organization claim without ids")));
        }
        return records.agenciesOf(person.userId()).map(agencies -> switch (agencies.size()) {
            case 0 -> Choice.NONE;
            case 1 -> Choice.of(agencies.get(0));
            default -> Choice.SEVERAL;
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
