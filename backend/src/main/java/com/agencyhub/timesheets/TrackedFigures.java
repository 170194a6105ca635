package com.agencyhub.timesheets;

import java.math.BigDecimal;

/**
 * Sums over time entries: minutes billable and not (adjustments count with their sign), and the stored bill and cost
 * amounts added up (each entry's amount was rounded once when it was booked).
 */
public record TrackedFigures(long billableMinutes, long nonBillableMinutes, BigDecimal billAmount,
                             BigDecimal costAmount) {

    public static final TrackedFigures NONE = new TrackedFigures(0, 0, BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2));

    public long minutes() {
        return billableMinutes + nonBillableMinutes;
    }

    public TrackedFigures plus(TrackedFigures other) {
        return new TrackedFigures(billableMinutes + other.billableMinutes, nonBillableMinutes
                + other.nonBillableMinutes, billAmount.add(other.billAmount), costAmount.add(other.costAmount));
    }
}
