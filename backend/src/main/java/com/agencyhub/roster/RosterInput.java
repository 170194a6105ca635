package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the resolver needs for one brand: the rotations and overrides covering it (others are ignored), all absences,
 * the brand's deputies in order, and the required monitoring windows as real-time intervals (computed by the caller
 * from the strategy's coverage windows and holidays). When a layer's other members stand in, those {@code familiar}
 * with the brand (its team, the strategy's monitoring people) come first, then those with the least {@code load}
 * (hours of duty per week their rotations give them across all brands; missing means none), then the layer's order.
 */
public record RosterInput(BrandId brand, List<Rotation> rotations, List<ShiftOverride> overrides,
                          List<Absence> absences, List<UserId> deputies, List<Interval> requiredWindows,
                          Set<UserId> familiar, Map<UserId, Double> load) {

    public RosterInput {
        Objects.requireNonNull(brand, "brand");
        rotations = List.copyOf(rotations);
        overrides = List.copyOf(overrides);
        absences = List.copyOf(absences);
        deputies = List.copyOf(deputies);
        requiredWindows = List.copyOf(requiredWindows);
        familiar = Set.copyOf(familiar);
        load = Map.copyOf(load);
    }

    /** Without familiarity or load: stand-ins from the layer in its order. */
    public RosterInput(BrandId brand, List<Rotation> rotations, List<ShiftOverride> overrides, List<Absence> absences,
                       List<UserId> deputies, List<Interval> requiredWindows) {
        this(brand, rotations, overrides, absences, deputies, requiredWindows, Set.of(), Map.of());
    }
}
