package com.agencyhub.billing;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.timesheets.TrackedFigures;

import java.math.BigDecimal;

/** An activity's line of a brand's month: its planned hours and what was tracked. */
public record ActivityHours(ActivityId activity, String key, String name, BigDecimal plannedHours,
                            TrackedFigures tracked) {
}
