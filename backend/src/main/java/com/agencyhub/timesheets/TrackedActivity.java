package com.agencyhub.timesheets;

import java.util.UUID;

/** What a brand's entries of one activity add up to in a month. */
public record TrackedActivity(UUID activityId, TrackedFigures figures) {
}
