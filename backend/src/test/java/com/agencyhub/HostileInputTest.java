package com.agencyhub;

import com.agencyhub.testsupport.AgencyWorld;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ContractOperations;
import com.agencyhub.testsupport.ContractOperations.Operation;
import com.agencyhub.testsupport.HostileBodies;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.AgencySnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write operation of the contract, sent bad bodies generated from its request schema ({@link HostileBodies}),
 * by a caller who may use it: each answer is a 4xx problem+json, a validation problem names the field, nothing is
 * ever a 5xx, and the agency's rows are exactly as before. A new operation is covered without a new test.
 */
class HostileInputTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void badBodiesAreRefusedNamingTheFieldAndChangeNothing() {
        AgencyWorld world = newWorld(newAgency("hostile-other"));
        List<String> failures = new ArrayList<>();
        int cases = 0;
        try (AgencySnapshot snapshot = AgencySnapshot.open()) {
            String before = snapshot.of(world.agency().tenant());
            for (Operation operation : ContractOperations.all()) {
                List<HostileBodies.Case> badBodies = HostileBodies.of(operation);
                if (badBodies.isEmpty()) {
                    continue; // takes no body (reading it for an ETag could change what it reads: a feed's last read)
                }
                String path = world.path(operation.path());
                String token = operation.path().startsWith("/v1/agencies") ? TestAgency.platformAdminToken()
                        : world.agency().adminToken();
                String etag = currentETag(path, token);
                for (HostileBodies.Case bad : badBodies) {
                    cases++;
                    EntityExchangeResult<byte[]> answer = http.method(HttpMethod.valueOf(operation.method()))
                            .uri(path + query(operation))
                            .headers(h -> {
                                h.setBearerAuth(token);
                                if (etag != null) {
                                    h.setIfMatch(etag);
                                }
                            })
                            .contentType(MediaType.parseMediaType(bad.contentType()))
                            .bodyValue(bad.body())
                            .exchange().expectBody().returnResult();
                    String problem = check(answer, bad);
                    if (problem != null) {
                        failures.add(operation.method() + " " + operation.path() + " " + bad.field() + " = "
                                + bad.what() + ": " + problem);
                    }
                    String after = snapshot.of(world.agency().tenant());
                    if (!after.equals(before)) {
                        failures.add(operation.method() + " " + operation.path() + " " + bad.field() + " = "
                                + bad.what() + ": changed the agency");
                        before = after;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("Hostile input: %d generated cases over the contract's write operations%n", cases);
        assertThat(failures).as("of %d cases", cases).isEmpty();
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(EntityExchangeResult<byte[]> answer, HostileBodies.Case bad) {
        int status = answer.getStatus().value();
        if (status < 400 || status >= 500) {
            return "answered " + status;
        }
        MediaType type = answer.getResponseHeaders().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            return "answered " + status + " as " + type;
        }
        if (status != 400 || bad.field() == null) {
            return null;
        }
        JsonNode errors = JSON.readTree(answer.getResponseBody()).path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.path("field").asString()));
        boolean named = fields.stream().anyMatch(field -> field.startsWith(bad.field()) || bad.field().startsWith(field));
        return named ? null : "400 naming " + fields + ", not " + bad.field();
    }

    /** The resource's current ETag (of the path itself, or of its parent for actions such as /approval). */
    private String currentETag(String path, String token) {
        for (String candidate : List.of(path, path.substring(0, path.lastIndexOf('/')))) {
            EntityExchangeResult<byte[]> read = http.get().uri(candidate).headers(h -> h.setBearerAuth(token))
                    .exchange().expectBody().returnResult();
            if (read.getStatus().is2xxSuccessful() && read.getResponseHeaders().getETag() != null) {
                return read.getResponseHeaders().getETag();
            }
        }
        return null;
    }

    private static String query(Operation operation) {
        return operation.requiredQuery().isEmpty() ? "" : operation.requiredQuery().stream()
                .map(q -> q.name() + "=" + q.value()).collect(Collectors.joining("&", "?", ""));
    }
}
