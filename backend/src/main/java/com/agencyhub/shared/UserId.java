package com.agencyhub.shared;

import java.util.Objects;
import java.util.UUID;

/** A person who signs in: the Keycloak user id (the token's {@code sub}). */
public record UserId(UUID value) {

    /** The actor recorded for work the platform does by itself (demo data, migrations of data). */
    public static final UserId SYSTEM = new UserId(new UUID(0, 0));

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
