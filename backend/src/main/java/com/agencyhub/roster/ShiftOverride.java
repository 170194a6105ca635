package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code member} covers {@code [from, to)} for {@code brands} instead of whoever is scheduled; wins over every
 * rotation, and of two overlapping overrides the later created one wins. A shift swap is a pair of overrides, each
 * naming the other member in {@code swapWith}. (Not called {@code Override}: that would hide {@code java.lang.Override}
 * in this package.)
 */
public record ShiftOverride(UserId member, Instant from, Instant to, Set<BrandId> brands, Optional<UserId> swapWith,
                            Instant createdAt) {

    public ShiftOverride {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(swapWith, "swapWith");
        Objects.requireNonNull(createdAt, "createdAt");
        brands = Set.copyOf(brands);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("an override must end after it starts: [" + from + ", " + to + ")");
        }
    }

    public ShiftOverride(UserId member, Instant from, Instant to, Set<BrandId> brands, Instant createdAt) {
        this(member, from, to, brands, Optional.empty(), createdAt);
    }
}
