package com.agencyhub.shared.identity;

public class IdentityProviderException extends RuntimeException {
    public IdentityProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
