package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;

import java.time.LocalDate;

/**
 * A brand's posts with a variant for one platform in one week (Monday {@code week} in the brand's zone): planned (any
 * state but cancelled), of those approved or further, and published.
 */
public record PlatformWeekCount(BrandId brand, LocalDate week, String platform, int planned, int approved,
                                int published) {
}
