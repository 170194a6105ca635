package com.agencyhub.timesheets;

import com.agencyhub.shared.BrandId;

import java.time.YearMonth;

/** A brand's billable minutes in one month: what a contract's carry-over chain needs. */
public record TrackedMonth(BrandId brand, YearMonth month, long billableMinutes) {
}
