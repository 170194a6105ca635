package com.agencyhub.shared;

import java.util.Objects;
import java.util.UUID;

/** An agency; equal to the id of the agency's Keycloak organization. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
