package com.agencyhub.timesheets;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.time.YearMonth;

/** A closed month: its time entries (by work date) are locked. */
public record MonthClose(YearMonth month, UserId closedBy, Instant closedAt) {
}
