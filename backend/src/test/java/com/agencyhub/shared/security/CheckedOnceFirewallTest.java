package com.agencyhub.shared.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.test.StepVerifier;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Every header and parameter is checked when the request arrives; a request that passes goes on as it came. */
class CheckedOnceFirewallTest {

    private final CheckedOnceFirewall firewall = CheckedOnceFirewall.withPrintableAsciiFastPath();

    @Test
    void aRequestOfAcceptableHeadersAndParametersGoesOnUndecorated() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/v1/brands?limit=50&status=active")
                .header("Authorization", "Bearer abc.def.ghi")
                .header("X-Greeting", "Grüße aus Köln", "tab\tseparated"));

        StepVerifier.create(firewall.getFirewalledExchange(exchange))
                .assertNext(passed -> assertThat(passed).isSameAs(exchange))
                .verifyComplete();
    }

    @Test
    void aControlCharacterInAHeaderValueIsRefusedEvenWhenNothingReadsThatHeader() {
        refused(MockServerHttpRequest.get("/v1/brands").header("X-Unread", "a\u0001b"));
        refused(MockServerHttpRequest.get("/v1/brands").header("X-Unread", "fine", "a\u007fb"));
    }

    @Test
    void aControlCharacterInAHeaderNameIsRefused() {
        refused(MockServerHttpRequest.get("/v1/brands").header("X-Un\u0007read", "fine"));
    }

    @Test
    void aControlCharacterInAParameterNameIsRefused() {
        refused(at("/v1/brands?li%07mit=50"));
    }

    @Test
    void thePathRulesOfTheStrictFirewallStillApply() {
        refused(at("/v1/brands/%2F"));
        refused(at("/v1//brands"));
    }

    /** A request for {@code uri} exactly as written (a builder with a URI template would encode it once more). */
    private static MockServerHttpRequest.BaseBuilder<?> at(String uri) {
        return MockServerHttpRequest.method(HttpMethod.GET, URI.create(uri));
    }

    private void refused(MockServerHttpRequest.BaseBuilder<?> request) {
        StepVerifier.create(firewall.getFirewalledExchange(MockServerWebExchange.from(request)))
                .expectError(ServerExchangeRejectedException.class)
                .verify();
    }
}
