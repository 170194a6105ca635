package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A member's running timer, started at a whole minute. */
public record RunningTimer(UserId member, BrandId brand, ActivityId activity, Instant startedAt, boolean billable,
                           String note) {

    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("brandId", brand.toString());
        snapshot.put("activityId", activity.toString());
        snapshot.put("startedAt", startedAt.toString());
        snapshot.put("billable", billable);
        return snapshot;
    }
}
