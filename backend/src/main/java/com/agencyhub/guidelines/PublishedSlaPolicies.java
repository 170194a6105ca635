package com.agencyhub.guidelines;

import com.agencyhub.shared.BrandId;

import java.time.Instant;
import java.util.List;

/** The SLA policies of one published guidelines version of a brand, and when it was published. */
public record PublishedSlaPolicies(BrandId brand, int versionNumber, Instant publishedAt, List<SlaPolicy> policies) {

    public PublishedSlaPolicies {
        policies = List.copyOf(policies);
    }
}
