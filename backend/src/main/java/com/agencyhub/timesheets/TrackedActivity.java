package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;

/** What a brand's entries of one activity add up to in a month. */
public record TrackedActivity(ActivityId activity, TrackedFigures figures) {
}
