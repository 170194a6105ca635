package com.agencyhub.contracts;

import java.util.Objects;
import java.util.UUID;

/** The id of a brand's contract. */
public record ContractId(UUID value) {

    public ContractId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
