package com.agencyhub.shared.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to create. The username is the email. {@code initialPassword} is for dev demo data only; real users
 * set their password through Keycloak (execute-actions email).
 */
public record NewUser(String email, String firstName, String lastName, Optional<String> initialPassword,
                      boolean emailVerified) {

    public NewUser {
        Objects.requireNonNull(email, "email");
        email = email.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || !email.contains("@")) {
            throw new IllegalArgumentException("not an email address: '" + email + "'");
        }
        initialPassword = initialPassword == null ? Optional.empty() : initialPassword;
    }

    public static NewUser of(String email, String firstName, String lastName) {
        return new NewUser(email, firstName, lastName, Optional.empty(), false);
    }

    public NewUser withInitialPassword(String password) {
        return new NewUser(email, firstName, lastName, Optional.of(password), emailVerified);
    }

    public NewUser withEmailVerified(boolean verified) {
        return new NewUser(email, firstName, lastName, initialPassword, verified);
    }

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", firstName=" + firstName + ", lastName=" + lastName
                + ", initialPassword=" + (initialPassword.isPresent() ? "***" : "none")
                + ", emailVerified=" + emailVerified + "]";
    }
}
