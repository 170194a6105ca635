package com.agencyhub.shared.web;

import com.agencyhub.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The path-first lookup finds for every request what WebFlux's own lookup finds, refusals included. */
class PathFirstRequestMappingTest extends ApiTest {

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final List<String> ACCEPTS = List.of("", "text/csv", "not a media type");
    private static final List<String> CONTENT_TYPES = List.of("", "application/json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ApplicationContext context;

    @Test
    void everyRequestFindsWhatWebFluxsOwnLookupFinds() {
        assertThat(mapping).isInstanceOf(PathFirstRequestMapping.PathFirstHandlerMapping.class);
        RequestMappingHandlerMapping stock = new RequestMappingHandlerMapping();
        stock.setApplicationContext(context);
        stock.afterPropertiesSet();
        assertThat(stock.getHandlerMethods().keySet()).isEqualTo(mapping.getHandlerMethods().keySet());

        List<String> paths = new ArrayList<>(List.of("/", "/v1", "/v1/nothing-here", "/v1/brands/x/nothing-here",
                "/v1//brands", "/v1/brands//"));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString().replaceAll("\\{[^}]+}", "x");
                // the same with a trailing slash, one segment more or less, a segment spelled with percent-encoding
                // and one with a matrix variable: what a shortcut over the segments could get wrong
                paths.addAll(List.of(path, path + "/", path + "/x", path.substring(0, path.lastIndexOf('/')),
                        path.replaceFirst("/v1/", "/v%31/"), path.replaceFirst("/v1/", "/v1;a=b/")));
            }
        }
        int compared = 0;
        int found = 0;
        for (String path : new TreeSet<>(paths)) {
            for (HttpMethod method : METHODS) {
                for (String accept : ACCEPTS) {
                    for (String contentType : CONTENT_TYPES) {
                        String ours = handlerOrRefusal(mapping, request(method, path, accept, contentType, false));
                        String theirs = handlerOrRefusal(stock, request(method, path, accept, contentType, false));
                        assertThat(ours).as("%s %s, Accept %s, Content-Type %s", method, path, accept, contentType)
                                .isEqualTo(theirs);
                        compared++;
                        found += ours.startsWith("handler ") ? 1 : 0;
                    }
                }
                assertThat(handlerOrRefusal(mapping, request(method, path, "", "", true)))
                        .as("preflight of %s %s", method, path)
                        .isEqualTo(handlerOrRefusal(stock, request(method, path, "", "", true)));
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(found).as("requests that found an operation").isGreaterThan(1_000);
    }

    private static MockServerWebExchange request(HttpMethod method, String path, String accept, String contentType,
                                                 boolean preflight) {
        MockServerHttpRequest.BaseBuilder<?> request = preflight
                ? MockServerHttpRequest.options(path).header(HttpHeaders.ORIGIN, "https://app.example")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method.name())
                : MockServerHttpRequest.method(method, path);
        if (!accept.isEmpty()) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        if (!contentType.isEmpty()) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return MockServerWebExchange.from(request);
    }

    private static String handlerOrRefusal(RequestMappingHandlerMapping mapping, MockServerWebExchange exchange) {
        return mapping.getHandler(exchange)
                .map(handler -> "handler " + handler)
                .onErrorResume(error -> Mono.just("refused " + error.getClass().getSimpleName()
                        + (error instanceof ResponseStatusException status ? " " + status.getStatusCode() : "")))
                .defaultIfEmpty("none")
                .block();
    }
}
