package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Set;

/**
 * Which posts a range view shows: planned in {@code [from, to)}, of one brand or (brand null) of all the agency's
 * brands that {@code brands} allows (null: all), and only client-visible ones when {@code clientView}. The filters
 * are optional (null: any).
 */
public record PostQuery(Instant from, Instant to, BrandId brand, Set<BrandId> brands, boolean clientView,
                        PostStatus status, String platform, String pillar, UserId assignee, String campaign,
                        String label) {
}
