package com.agencyhub.billing;

import com.agencyhub.shared.UserId;
import com.agencyhub.timesheets.TrackedFigures;

import java.math.BigDecimal;

/** A staff member's month: the capacity (exact hours) and what they tracked on all brands. */
public record MemberHours(UserId member, String name, BigDecimal capacityHours, TrackedFigures tracked) {

    public BigDecimal utilisationPercent() {
        return Hours.percent(BigDecimal.valueOf(tracked.minutes()), Hours.minutes(capacityHours));
    }

    public BigDecimal billableSharePercent() {
        return Hours.percent(BigDecimal.valueOf(tracked.billableMinutes()), BigDecimal.valueOf(tracked.minutes()));
    }
}
