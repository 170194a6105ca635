package com.agencyhub.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.agencyhub.api.AgenciesApi;
import com.agencyhub.api.AgencyApi;
import com.agencyhub.api.model.AgencyCreateDto;
import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyPageDto;
import com.agencyhub.api.model.AgencyStatusDto;
import com.agencyhub.api.model.AgencyUpdateDto;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A stub controller implementing the generated interfaces, driven through WebFlux: the mappings,
 * header/query binding and the generated enum converter work with Spring Framework 7, and shows
 * how ETag, If-Match and Location surface for implementers.
 */
class GeneratedInterfacesWebFluxTest {

    private static final UUID AGENCY_ID = UUID.fromString("0b8f5e2a-7c41-4d2e-9f63-5a1b2c3d4e5f");
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.UTC);

    @RestController
    static class StubAgencyController implements AgenciesApi, AgencyApi {
        final AtomicReference<String> lastIfMatch = new AtomicReference<>();
        final AtomicReference<AgencyStatusDto> lastStatus = new AtomicReference<>();

        static AgencyDto agency(String name, long version) {
            return new AgencyDto(AGENCY_ID, name, "northwind-social", "Europe/Berlin", "de-DE",
                    AgencyStatusDto.ACTIVE, CREATED, CREATED, version);
        }

        @Override
        public Mono<ResponseEntity<AgencyDto>> createAgency(Mono<AgencyCreateDto> body, ServerWebExchange exchange) {
            return body.map(create -> ResponseEntity.created(URI.create("/v1/agencies/" + AGENCY_ID))
                    .eTag("\"0\"")
                    .body(agency(create.getName(), 0)));
        }

        @Override
        public Mono<ResponseEntity<AgencyDto>> getAgency(UUID agencyId, ServerWebExchange exchange) {
            return Mono.just(ResponseEntity.ok().eTag("\"2\"").body(agency("Northwind Social", 2)));
        }

        @Override
        public Mono<ResponseEntity<AgencyPageDto>> listAgencies(Integer limit, String cursor, AgencyStatusDto status,
                String q, ServerWebExchange exchange) {
            lastStatus.set(status);
            return Mono.just(ResponseEntity.ok(new AgencyPageDto(List.of(agency("Northwind Social", 2)), null)));
        }

        @Override
        public Mono<ResponseEntity<AgencyDto>> getOwnAgency(ServerWebExchange exchange) {
            return getAgency(AGENCY_ID, exchange);
        }

        @Override
        public Mono<ResponseEntity<AgencyDto>> updateOwnAgency(String ifMatch, Mono<AgencyUpdateDto> body,
                ServerWebExchange exchange) {
            lastIfMatch.set(ifMatch);
            return body.map(update -> ResponseEntity.ok().eTag("\"3\"").body(agency(update.getName(), 3)));
        }
    }

    /**
     * Records which exception WebFlux raised and answers with its status, except for a missing
     * If-Match header, which becomes 428: the mapping the backend's problem handler has to make.
     */
    @RestControllerAdvice
    static class RecordingAdvice {
        final AtomicReference<Class<?>> lastException = new AtomicReference<>();

        @ExceptionHandler(ResponseStatusException.class)
        ResponseEntity<Void> handle(ResponseStatusException ex) {
            lastException.set(ex.getClass());
            if (ex instanceof MissingRequestValueException missing && "If-Match".equals(missing.getName())) {
                return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).build();
            }
            return ResponseEntity.status(ex.getStatusCode()).build();
        }
    }

    private final StubAgencyController controller = new StubAgencyController();
    private final RecordingAdvice advice = new RecordingAdvice();
    private final EnumConverterConfiguration enumConverters = new EnumConverterConfiguration();
    private final WebTestClient client = WebTestClient.bindToController(controller)
            .controllerAdvice(advice)
            .formatters(registry -> registry.addConverter(enumConverters.agencyStatusConverter()))
            .build();

    @Test
    void createReturnsLocationAndETag() {
        client.post().uri("/v1/agencies")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name":"Northwind Social","slug":"northwind-social","defaultZone":"Europe/Berlin",
                         "locale":"de-DE","admin":{"email":"mara.keller@northwind-social.de",
                         "firstName":"Mara","lastName":"Keller"}}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/v1/agencies/" + AGENCY_ID)
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.slug").isEqualTo("northwind-social");
    }

    @Test
    void updatePassesIfMatchToTheControllerAndReturnsTheNewETag() {
        client.patch().uri("/v1/agency")
                .header("If-Match", "\"2\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Northwind Social GmbH\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.name").isEqualTo("Northwind Social GmbH");

        assertThat(controller.lastIfMatch.get()).isEqualTo("\"2\"");
    }

    @Test
    void missingIfMatchNeverReachesTheController() {
        // The generated parameter is @RequestHeader(required = true): WebFlux raises a
        // MissingRequestValueException (a 400 by default) before the controller runs. The backend's problem
        // handler must turn it into 428 Precondition Required for If-Match, as the contract says.
        client.patch().uri("/v1/agency")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Northwind Social GmbH\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);

        assertThat(controller.lastIfMatch.get()).isNull();
        assertThat(advice.lastException.get()).isEqualTo(MissingRequestValueException.class);
    }

    @Test
    void statusFilterBindsThroughTheGeneratedEnumConverter() {
        client.get().uri("/v1/agencies?status=suspended&limit=10")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo(AGENCY_ID.toString())
                .jsonPath("$.nextCursor").isEmpty();

        assertThat(controller.lastStatus.get()).isEqualTo(AgencyStatusDto.SUSPENDED);
    }

    @Test
    void parameterConstraintsAreCheckedByBuiltInMethodValidation() {
        // No @Validated on the interfaces (useSpringBuiltInValidation): Spring's built-in method validation
        // checks @Min/@Max/@Size/@Pattern on parameters and answers 400 (HandlerMethodValidationException).
        client.get().uri("/v1/agencies?limit=500")
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(controller.lastStatus.get()).isNull();
        assertThat(advice.lastException.get()).isEqualTo(HandlerMethodValidationException.class);
    }

    @Test
    void invalidBodyIsRejectedBeforeTheControllerRuns() {
        client.post().uri("/v1/agencies")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name":"","slug":"-bad-","defaultZone":"Europe/Berlin","locale":"de-DE",
                         "admin":{"email":"not-an-email","firstName":"Mara","lastName":"Keller"}}""")
                .exchange()
                .expectStatus().isBadRequest();

        // @Valid on the Mono<...> body: field errors arrive as a WebExchangeBindException
        assertThat(advice.lastException.get()).isEqualTo(WebExchangeBindException.class);
    }
}
