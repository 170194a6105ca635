package com.agencyhub.inbox.web;

import com.agencyhub.inbox.InboxWebhooks;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ProblemWriter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a webhook delivery's signature over the raw body before anything reads it as JSON: a delivery that is not
 * signed right is a 401 and never parsed (so a malformed body from a stranger is no 400 either), one that is goes on
 * to the controller with its verified target in {@link #TARGET} and the same bytes as its body. Runs after the
 * security chains, so the rate limits apply first.
 */
@Component
@Order(0)
class SignedWebhookFilter implements WebFilter {

    static final String TARGET = SignedWebhookFilter.class.getName() + ".target";
    /** The largest delivery read: the API's limit for JSON bodies ({@code spring.codec.max-in-memory-size}). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Pattern PATH = Pattern.compile("^/v1/inbox-webhooks/([^/]+)$");

    private final InboxWebhooks webhooks;
    private final ProblemWriter problems;

    SignedWebhookFilter(InboxWebhooks webhooks, ProblemWriter problems) {
        this.webhooks = webhooks;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Matcher path = PATH.matcher(request.getPath().value());
        if (request.getMethod() != HttpMethod.POST || !path.matches()) {
            return chain.filter(exchange);
        }
        UUID webhookId;
        try {
            webhookId = UUID.fromString(path.group(1));
        } catch (IllegalArgumentException unknown) {
            webhookId = new UUID(0, 0); // no webhook has it: refused like any unknown id
        }
        UUID id = webhookId;
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(SignedWebhookFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> webhooks.verify(id, request.getHeaders().getFirst("X-AgencyHub-Timestamp"),
                                request.getHeaders().getFirst("X-AgencyHub-Signature"), body)
                        .flatMap(target -> {
                            exchange.getAttributes().put(TARGET, target);
                            return chain.filter(exchange.mutate().request(replaying(request, body,
                                    exchange)).build());
                        }))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> problems.write(exchange,
                        new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                                "A delivery holds at most " + MAX_BODY_BYTES + " bytes; send fewer items.",
                                List.of())))
                .onErrorResume(ApiProblem.class, refused -> refused.status() == HttpStatus.UNAUTHORIZED
                        ? problems.write(exchange, refused) : Mono.error(refused));
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
