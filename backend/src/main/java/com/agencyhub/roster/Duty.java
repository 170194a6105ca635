package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.util.Objects;

/** {@code member} watches {@code brand} during {@code interval}: on duty inside one of the brand's required windows. */
public record Duty(UserId member, BrandId brand, Interval interval) {

    public Duty {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(interval, "interval");
    }
}
