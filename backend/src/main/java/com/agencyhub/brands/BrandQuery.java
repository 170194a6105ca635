package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;

import java.util.Set;

/**
 * Which brands to list. A null status lists all but offboarded ones; a null scope lists every brand of the
 * agency (staff), a set only those brands (client users).
 */
public record BrandQuery(BrandStatus status, Set<BrandId> scope) {
}
