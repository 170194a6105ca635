package com.agencyhub.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every response the API tests receive against the contract in web-api-spec (the bundled
 * openapi.yaml on the classpath): the status must be documented for the operation, the media type must be
 * the documented one and the body must validate against its JSON Schema. A mismatch fails the test.
 */
public final class OpenApiContract {

    private static final String LOCATION = "META-INF/resources/api/openapi.yaml";

    private static final JsonNode SPEC = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final List<Route> ROUTES = routes();
    private static final Map<String, String> PROBLEM_TYPES = problemTypes();
    private static final tools.jackson.databind.json.JsonMapper PROBLEM_JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private OpenApiContract() {
    }

    /** A WebTestClient filter that validates each response of a documented path. */
    public static ExchangeFilterFunction validatingFilter() {
        return (request, next) -> next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    check(request.method(), request.url().getPath(), response, new String(bytes, StandardCharsets.UTF_8));
                    // a new response rather than mutate(): mutate() releases the consumed body by subscribing
                    // to it again, which a streamed body (the brand export) refuses; the bytes as they came, since a
                    // body need not be text (a PDF)
                    return ClientResponse.create(response.statusCode(), response.strategies())
                            .headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
                            .cookies(cookies -> cookies.addAll(response.cookies()))
                            .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes))).build();
                }));
    }

    static void check(HttpMethod method, String path, ClientResponse response, String body) {
        Route route = ROUTES.stream().filter(r -> r.matches(path)).findFirst().orElse(null);
        if (route == null) {
            return; // not part of the API contract (actuator, static files, unknown paths)
        }
        JsonNode operation = route.item().get(method.name().toLowerCase());
        if (operation == null) {
            return; // 405 for a method the path does not have
        }
        String status = String.valueOf(response.statusCode().value());
        JsonNode documented = operation.path("responses").get(status);
        if (documented == null) {
            throw new AssertionError("%s %s answered %s, which the contract does not list for %s (%s)"
                    .formatted(method, path, status, route.template(), body));
        }
        String pointer = "/paths/" + escape(route.template()) + "/" + method.name().toLowerCase() + "/responses/" + status;
        if (documented.has("$ref")) {
            pointer = documented.get("$ref").asString().substring(1);
            documented = at(pointer);
        }
        JsonNode content = documented.get("content");
        if (content == null || body.isEmpty()) {
            if (content != null) {
                throw new AssertionError("%s %s answered %s without the documented body".formatted(method, path, status));
            }
            return;
        }
        MediaType actual = response.headers().contentType().orElse(null);
        String mediaType = content.propertyNames().stream()
                .filter(type -> actual != null && MediaType.parseMediaType(type).isCompatibleWith(actual))
                .findFirst()
                .orElseThrow(() -> new AssertionError("%s %s answered %s as %s; the contract says %s"
                        .formatted(method, path, status, actual, content.propertyNames())));
        if (!MediaType.parseMediaType(mediaType).getSubtype().endsWith("json")) {
            return; // a document of another format (text/calendar): its media type is what the contract says
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = COMPILED.computeIfAbsent(schemaPointer,
                key -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + LOCATION + "#" + key)));
        // a body of another kind (text/csv) is a string to the schema
        List<Error> errors = schema.validate(mediaType.contains("json") ? body : PROBLEM_JSON.writeValueAsString(body),
                InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("%s %s answered %s with a body that breaks the contract: %s%n%s"
                    .formatted(method, path, status, errors, body));
        }
        if (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(actual)) {
            String type = PROBLEM_JSON.readTree(body).path("type").asString();
            String listed = PROBLEM_TYPES.get(type.substring(type.lastIndexOf('/') + 1));
            if (!status.equals(listed)) {
                throw new AssertionError("%s %s answered %s with problem type %s, which the contract's table lists as %s"
                        .formatted(method, path, status, type, listed));
            }
        }
    }

    /** Validates a JSON document against the schema at a JSON pointer into the contract; the errors, if any. */
    static List<String> violations(String schemaPointer, String json) {
        Schema schema = COMPILED.computeIfAbsent(schemaPointer,
                key -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + LOCATION + "#" + key)));
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** The contract itself, for tests generated from it. */
    static JsonNode spec() {
        return SPEC;
    }

    private static JsonNode at(String pointer) {
        return SPEC.at(pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is not on the test classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table of problem types in the contract's description: {@code | `validation` | 400 |} and so on. */
    private static Map<String, String> problemTypes() {
        Map<String, String> types = new java.util.HashMap<>();
        Pattern row = Pattern.compile("^\\|\\s*`([a-z-]+)`\\s*\\|\\s*(\\d{3})\\s*\\|\\s*$");
        for (String line : SPEC.path("info").path("description").asString().split("\n")) {
            var match = row.matcher(line.strip());
            if (match.matches()) {
                types.put(match.group(1), match.group(2));
            }
        }
        return Map.copyOf(types);
    }

    /** Paths with literal segments first, so /v1/agency is not taken for a template. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        SPEC.path("paths").properties().forEach(entry -> routes.add(new Route(entry.getKey(),
                Pattern.compile(entry.getKey().replaceAll("\\{[^/]+}", "[^/]+")), entry.getValue())));
        routes.sort(Comparator.comparingLong((Route r) -> r.template().chars().filter(c -> c == '{').count()));
        return routes;
    }

    private record Route(String template, Pattern pattern, JsonNode item) {
        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
