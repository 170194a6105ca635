package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.util.Objects;

/** {@code member} is now on duty for {@code brand} during {@code stretch} ({@code GAINED}), or no longer ({@code LOST}). */
public record DutyChange(UserId member, BrandId brand, Kind kind, Interval stretch) {

    public enum Kind {
        GAINED, LOST
    }

    public DutyChange {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stretch, "stretch");
    }
}
