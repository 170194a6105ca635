package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.util.List;
import java.util.Objects;

/**
 * What the resolver needs for one brand: the rotations and overrides covering it (others are ignored), all absences,
 * the brand's deputies in order, and the required monitoring windows as real-time intervals (computed by the caller
 * from the strategy's coverage windows and holidays).
 */
public record RosterInput(BrandId brand, List<Rotation> rotations, List<ShiftOverride> overrides,
                          List<Absence> absences, List<UserId> deputies, List<Interval> requiredWindows) {

    public RosterInput {
        Objects.requireNonNull(brand, "brand");
        rotations = List.copyOf(rotations);
        overrides = List.copyOf(overrides);
        absences = List.copyOf(absences);
        deputies = List.copyOf(deputies);
        requiredWindows = List.copyOf(requiredWindows);
    }
}
