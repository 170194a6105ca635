package com.agencyhub.shared.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall, with every header and query parameter checked once, when the request arrives.
 * The strict firewall checks them lazily: its exchange wraps the request anew on every {@code getRequest()}, the
 * headers anew on every {@code getHeaders()}, and checks a header again on every read, which on the hot path cost
 * more than all of the firewall's other work. Checked up front, the request goes on undecorated. Stricter too: a
 * header that nothing reads is refused as well when it holds what the strict firewall refuses.
 */
final class CheckedOnceFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict;

    private CheckedOnceFirewall(StrictServerWebExchangeFirewall strict) {
        this.strict = strict;
    }

    /** The strict firewall's rules, with a fast path for header names and values of printable ASCII. */
    static CheckedOnceFirewall withPrintableAsciiFastPath() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        strict.setAllowedHeaderNames(PrintableAscii.or(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, false));
        strict.setAllowedHeaderValues(PrintableAscii.or(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, true));
        strict.setAllowedParameterNames(
                PrintableAscii.or(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES, false));
        return new CheckedOnceFirewall(strict);
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return strict.getFirewalledExchange(exchange).map(checking -> {
            // reading through the strict firewall's exchange is what runs its checks (a refusal is thrown)
            ServerHttpRequest request = checking.getRequest();
            HttpHeaders headers = request.getHeaders();
            for (String name : headers.headerNames()) {
                headers.get(name);
            }
            request.getQueryParams();
            return exchange;
        });
    }
}
