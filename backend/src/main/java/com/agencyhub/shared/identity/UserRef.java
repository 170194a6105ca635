package com.agencyhub.shared.identity;

import java.util.Objects;

/** A user in the identity provider; {@code id} is the token's {@code sub}. {@code created} is false when it existed. */
public record UserRef(String id, String email, boolean created) {

    public UserRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }
}
