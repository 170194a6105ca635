package com.agencyhub.billing;

import com.agencyhub.timesheets.TrackedFigures;

import java.math.BigDecimal;
import java.util.UUID;

/** An activity's line of a brand's month: its planned hours and what was tracked. */
public record ActivityHours(UUID activityId, String key, String name, BigDecimal plannedHours,
                            TrackedFigures tracked) {
}
