package com.agencyhub.shared.web;

import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the operation of a request by its path first. For a path with variables ({@code /v1/brands/{id}}) WebFlux
 * tries every operation of the API in turn, and checks the method, the media types (the Accept header against each
 * operation's) and the API version before the path: 7 % of the CPU of a brand read went there. Here an
 * operation whose paths cannot match is dismissed first, most of them by the number of path segments alone. The
 * outcome is the same, since an operation matches only when all its conditions do and none of them has an effect;
 * requests that match no operation are answered (404, 405, 406, 415) from all operations, as before.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMapping {

    @Bean
    WebFluxRegistrations pathFirstRegistrations() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        private final Map<RequestMappingInfo, PathShape[]> shapes = new ConcurrentHashMap<>();

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            for (PathShape shape : shapes.computeIfAbsent(info, PathFirstHandlerMapping::shapes)) {
                if (shape.admits(path) && shape.pattern().matches(path)) {
                    return super.getMatchingMapping(info, exchange);
                }
            }
            return null;
        }

        private static PathShape[] shapes(RequestMappingInfo info) {
            return info.getPatternsCondition().getPatterns().stream().map(PathShape::of).toArray(PathShape[]::new);
        }
    }

    /**
     * A path pattern and, when it holds literal segments and {@code {variables}} only, the number of elements a
     * matching path has (segments and separators): a pattern variable takes exactly one segment, so a path of another
     * length cannot match. Other patterns ({@code **}, {@code {*rest}}, regular expressions) admit every path.
     */
    record PathShape(PathPattern pattern, int elements) {

        private static final Pattern SEGMENTS_AND_VARIABLES =
                Pattern.compile("(/([A-Za-z0-9._~-]+|\\{[A-Za-z][A-Za-z0-9_]*}))+");

        static PathShape of(PathPattern pattern) {
            String text = pattern.getPatternString();
            return new PathShape(pattern, SEGMENTS_AND_VARIABLES.matcher(text).matches()
                    ? 2 * (int) text.chars().filter(c -> c == '/').count() : -1);
        }

        boolean admits(PathContainer path) {
            return elements < 0 || path.elements().size() == elements;
        }
    }
}
