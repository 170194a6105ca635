package com.agencyhub.shared.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BearerTokenConverter} decides every request as Spring Security's own converter does. */
class BearerTokenConverterTest {

    private static final String TOKEN_CHARACTERS =
            "abcxyzABCXYZ0123456789-._~+/=";
    private static final String OTHER_CHARACTERS = " \t\n\r\"',;:!?*%$&()[]{}<>\\|^`@#äé€\u0000";

    private final ServerAuthenticationConverter ours = new BearerTokenConverter();
    private final ServerAuthenticationConverter springs = new ServerBearerTokenAuthenticationConverter();

    @Test
    void decidesTheListedHeadersAsSpringSecurityDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "BeArEr a.b.c",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_", "Bearer a+/b~c==", "Bearer abc=", "Bearer ===",
                "Bearer a=b", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer\tabc", "Bearerabc",
                "Bearer abc\n", "Bearer ab c", "Bearer äbc", "Basic dXNlcjpwYXNz", "Token abc", "", " Bearer abc",
                "bear abc", "Bearer \u0000", "Bearer a.b.c,Bearer d"));
        for (String header : headers) {
            assertSameOutcome(header, null);
            assertSameOutcome(header, "access_token=abc");
        }
        assertSameOutcome(null, null);
        assertSameOutcome(null, "access_token=abc");
    }

    @Test
    void decidesRandomHeadersAsSpringSecurityDoes() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder header = new StringBuilder(switch (random.nextInt(4)) {
                case 0 -> "Bearer ";
                case 1 -> "bEaReR ";
                case 2 -> "Bearer";
                default -> "";
            });
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                String alphabet = random.nextInt(20) == 0 ? OTHER_CHARACTERS : TOKEN_CHARACTERS;
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameOutcome(header.toString(), random.nextInt(10) == 0 ? "access_token=x" : null);
        }
    }

    private void assertSameOutcome(String authorization, String query) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/v1/me" + (query == null ? ""
                : "?" + query));
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        assertThat(outcome(ours.convert(exchange)))
                .as("Authorization: %s, query: %s", authorization, query)
                .isEqualTo(outcome(springs.convert(exchange)));
    }

    /** The token, "none", or the error's code and description. */
    private static String outcome(Mono<Authentication> conversion) {
        try {
            Authentication authentication = conversion.block();
            return authentication == null ? "none"
                    : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException error) {
            return "error " + error.getError().getErrorCode() + ": " + error.getError().getDescription();
        }
    }
}
