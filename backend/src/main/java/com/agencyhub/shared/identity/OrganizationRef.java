package com.agencyhub.shared.identity;

import java.util.Objects;

/** An organization in the identity provider; {@code id} is the value of the token's organization claim id. */
public record OrganizationRef(String id, String alias, String name) {

    public OrganizationRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alias, "alias");
    }
}
