package com.agencyhub.shared.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes RFC 9457 problem documents; the one place that renders errors, for controllers and filters alike. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        problem.retryAfterSeconds().ifPresent(seconds -> {
            if (!exchange.getResponse().isCommitted()) {
                exchange.getResponse().getHeaders().set("Retry-After", Integer.toString(seconds));
            }
        });
        return write(exchange, problem.status(), problem.type(), problem.title(), problem.getMessage(),
                problem.violations(), problem.extensions());
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
                             List<FieldViolation> violations, Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status.value());
        putIfPresent(body, "detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        putIfPresent(body, "errors", violations.isEmpty() ? null : violations);
        body.putAll(extensions);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    private static void putIfPresent(Map<String, Object> body, String member, Object value) {
        if (value != null) {
            body.put(member, value);
        }
    }
}
