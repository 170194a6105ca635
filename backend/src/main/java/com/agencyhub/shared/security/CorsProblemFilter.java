package com.agencyhub.shared.security;

import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring's CORS handling, with a refusal (an origin that is not configured) answered as a 403 problem like every
 * other refusal instead of an empty 403. Requests without an {@code Origin} (servers, scripts) pass untouched.
 */
final class CorsProblemFilter implements WebFilter {

    private final CorsConfigurationSource configurations;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsProblemFilter(CorsConfigurationSource configurations, ProblemWriter problems) {
        this.configurations = configurations;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(configurations.getCorsConfiguration(exchange), exchange)) {
            return problems.write(exchange, ApiProblem.forbidden("Requests from this origin are not allowed."));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
