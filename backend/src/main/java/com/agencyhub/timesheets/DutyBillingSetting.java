package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;

/** A brand whose monitoring duty is booked as time entries of {@code activity}. */
public record DutyBillingSetting(BrandId brand, ActivityId activity, UserId enabledBy, Instant enabledAt) {
}
