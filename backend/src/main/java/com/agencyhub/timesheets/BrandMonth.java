package com.agencyhub.timesheets;

import com.agencyhub.shared.BrandId;

import java.time.YearMonth;

/** A brand's billing month, whose tracked time a write changed. */
record BrandMonth(BrandId brand, YearMonth month) {
}
