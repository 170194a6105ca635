package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;

import java.util.List;

/** A brand's go-live requirements in a fixed order, each done or missing with its reason. */
public record Readiness(BrandId brand, List<Item> items) {

    public Readiness {
        items = List.copyOf(items);
    }

    public record Item(ReadinessRequirement requirement, ReadinessCheck.Outcome outcome) {
    }

    public boolean ready() {
        return items.stream().allMatch(item -> item.outcome().done());
    }

    public List<Item> missing() {
        return items.stream().filter(item -> !item.outcome().done()).toList();
    }
}
