package com.agencyhub.timesheets;

import com.agencyhub.shared.BrandId;

/** What a brand's entries add up to in a month. */
public record TrackedBrand(BrandId brand, TrackedFigures figures) {
}
