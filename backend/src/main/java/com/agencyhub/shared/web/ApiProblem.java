package com.agencyhub.shared.web;

import com.agencyhub.shared.identity.IdentityProviderException;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A failure the client can act on, answered as an RFC 9457 problem with a stable {@code type}.
 * Thrown (or emitted as an error signal) anywhere below a controller; {@link ProblemHandling} renders it.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://agencyhub.dev/problems/";
    private static final int IDENTITY_PROVIDER_RETRY_SECONDS = 10;
    private static final int DATABASE_RETRY_SECONDS = 5;

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient List<FieldViolation> violations;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private Integer retryAfterSeconds;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblem validation(List<FieldViolation> violations) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields; see errors.", violations);
    }

    public static ApiProblem invalidField(String field, String message, String code) {
        return validation(List.of(new FieldViolation(field, message, code)));
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    public static ApiProblem preconditionFailed() {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                "The resource was changed since you read it: If-Match does not match its current ETag. "
                        + "Read it again and retry.", List.of());
    }

    public static ApiProblem preconditionRequired() {
        return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
                "Send the resource's current ETag in If-Match to update it.", List.of());
    }

    /**
     * 503 when Keycloak could not be reached or failed, 400 when it refused a person's details (our validation
     * should have caught it first), 502 when it answered with any other error.
     */
    public static ApiProblem of(IdentityProviderException failure) {
        if (failure.isUnavailable()) {
            return identityProviderUnavailable();
        }
        if (failure.isRefusedInput()) {
            return badRequest("The identity provider refused the person's details; nothing was created.");
        }
        return identityProviderFailed();
    }

    public static ApiProblem identityProviderUnavailable() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "Identity provider unavailable",
                "The identity provider did not answer in time; nothing was changed. Retry later.", List.of())
                .retryAfter(IDENTITY_PROVIDER_RETRY_SECONDS);
    }

    /** The database could not be used (down, restarting, no connection to be had); nothing was changed. */
    public static ApiProblem databaseUnavailable() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The database is not available right now; nothing was changed. Retry later.", List.of())
                .retryAfter(DATABASE_RETRY_SECONDS);
    }

    public static ApiProblem identityProviderFailed() {
        return new ApiProblem(HttpStatus.BAD_GATEWAY, "identity-provider-failed", "Identity provider failed",
                "The identity provider rejected the request; nothing was changed.", List.of());
    }

    /** Adds an RFC 9457 extension member, such as the missing requirements of a brand that cannot go live. */
    public ApiProblem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Sets the {@code Retry-After} header of the answer: when a retry may succeed. */
    public ApiProblem retryAfter(int seconds) {
        retryAfterSeconds = seconds;
        return this;
    }

    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
