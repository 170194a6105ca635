package com.agencyhub.pricing;

import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.util.Objects;

/** Hours per month planned for an activity in a time class: a line of a contract or a quote, to be priced. */
public record PlannedHours(ActivityId activity, TimeClass timeClass, BigDecimal hoursPerMonth) {

    public PlannedHours {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(timeClass, "timeClass");
        Objects.requireNonNull(hoursPerMonth, "hoursPerMonth");
    }
}
