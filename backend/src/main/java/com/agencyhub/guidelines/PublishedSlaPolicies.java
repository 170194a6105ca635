package com.agencyhub.guidelines;

import com.agencyhub.shared.BrandId;

import java.util.List;

/** The SLA policies in force for a brand: those of its current published guidelines version. */
public record PublishedSlaPolicies(BrandId brand, int versionNumber, List<SlaPolicy> policies) {

    public PublishedSlaPolicies {
        policies = List.copyOf(policies);
    }
}
