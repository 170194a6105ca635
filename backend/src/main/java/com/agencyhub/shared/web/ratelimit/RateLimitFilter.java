package com.agencyhub.shared.web.ratelimit;

import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.ActorAuthentication;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate limits per caller, per agency and, stricter, for operations that call the identity provider and for exports.
 * Answers carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of the caller's
 * bucket; a refusal is a 429 problem with {@code Retry-After}. Runs after the agency of the request is known.
 */
final class RateLimitFilter implements WebFilter {

    private static final Pattern INVITATION = Pattern.compile("^/v1/members/[^/]+/invitation$");
    private static final Pattern EXPORT = Pattern.compile("^/v1/brands/[^/]+/export$");
    private static final Pattern INBOX_WEBHOOK = Pattern.compile("^/v1/inbox-webhooks/([^/]+)$");

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties limits, ProblemWriter problems) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(ActorAuthentication.class)
                .map(authentication -> Optional.of(authentication.actor()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(actor -> limiter.draw(draws(exchange.getRequest(), actor.orElse(null))))
                .flatMap(verdict -> {
                    headers(exchange, verdict);
                    if (verdict.allowed()) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (verdict.untilRefill().toMillis() + 999) / 1000);
                    return problems.write(exchange, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                            "Too many requests", "Too many requests; retry in " + seconds + " s.", List.of())
                            .retryAfter((int) Math.min(seconds, Integer.MAX_VALUE)));
                });
    }

    private List<RateLimiter.Draw> draws(ServerHttpRequest request, Actor actor) {
        String caller = actor != null ? "caller:" + actor.userId() : "address:" + address(request);
        List<RateLimiter.Draw> draws = new ArrayList<>();
        Matcher webhook = INBOX_WEBHOOK.matcher(request.getPath().value());
        if (actor == null && webhook.matches()) {
            // tools deliver in bursts: their own, larger limit, per webhook and per sending address
            draws.add(new RateLimiter.Draw("webhook:" + webhook.group(1), limits.webhook()));
            draws.add(new RateLimiter.Draw("webhook-" + caller, limits.webhook()));
            return draws;
        }
        draws.add(new RateLimiter.Draw(caller, limits.caller()));
        Optional.ofNullable(actor).flatMap(Actor::tenant)
                .ifPresent(agency -> draws.add(new RateLimiter.Draw("agency:" + agency, limits.agency())));
        String path = request.getPath().value();
        if (request.getMethod() == HttpMethod.POST && (path.equals("/v1/members") || path.equals("/v1/client-users")
                || path.equals("/v1/agencies") || INVITATION.matcher(path).matches())) {
            String whose = actor == null ? caller : actor.tenant().map(agency -> "agency:" + agency).orElse(caller);
            draws.add(new RateLimiter.Draw("identity:" + whose, limits.identity()));
        }
        if (request.getMethod() == HttpMethod.GET && EXPORT.matcher(path).matches()) {
            draws.add(new RateLimiter.Draw("export:" + caller, limits.export()));
        }
        return draws;
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static void headers(ServerWebExchange exchange, RateLimiter.Verdict verdict) {
        var headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(verdict.limit()));
        headers.set("RateLimit-Remaining", Long.toString(Math.max(0, verdict.remaining())));
        headers.set("RateLimit-Reset", Long.toString((verdict.untilRefill().toMillis() + 999) / 1000));
    }
}
