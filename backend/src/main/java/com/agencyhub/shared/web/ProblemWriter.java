package com.agencyhub.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

/** Writes RFC 9457 problem documents; the one place that renders errors, for controllers and filters alike. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        return write(exchange, problem.status(), problem.type(), problem.title(), problem.getMessage(),
                problem.violations());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
                            List<FieldViolation> violations) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Body body = new Body(type, title, status.value(), detail, exchange.getRequest().getPath().value(),
                violations.isEmpty() ? null : violations);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(URI type, String title, int status, String detail, String instance, List<FieldViolation> errors) {
    }
}
