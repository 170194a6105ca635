package com.agencyhub.shared.identity;

import java.util.OptionalInt;

/**
 * The identity provider (Keycloak) failed or refused an operation. The message names the operation and what
 * Keycloak answered, never credentials or tokens. {@link #isUnavailable()} tells "could not reach it / it
 * failed" (answer 503) from "it answered with an error" (answer 502).
 */
public class IdentityProviderException extends RuntimeException {

    private final int status;
    private final boolean refusedInput;

    public IdentityProviderException(String message, int status, Throwable cause) {
        this(message, status, cause, false);
    }

    private IdentityProviderException(String message, int status, Throwable cause, boolean refusedInput) {
        super(message, cause);
        this.status = status;
        this.refusedInput = refusedInput;
    }

    /** Keycloak refused a person's details (400 on creating a user): the caller's input, not a failure. */
    public static IdentityProviderException refusedInput(String message) {
        return new IdentityProviderException(message, 400, null, true);
    }

    public boolean isRefusedInput() {
        return refusedInput;
    }

    /** The HTTP status Keycloak answered, or empty when no answer came (connection refused, timeout). */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /** True when Keycloak was not reachable or answered 5xx / 503. */
    public boolean isUnavailable() {
        return status <= 0 || status >= 500;
    }
}
