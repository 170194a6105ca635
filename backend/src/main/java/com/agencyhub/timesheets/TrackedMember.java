package com.agencyhub.timesheets;

import com.agencyhub.shared.UserId;

/** What a member's entries on all brands add up to in a month. */
public record TrackedMember(UserId member, TrackedFigures figures) {
}
