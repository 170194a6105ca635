package com.agencyhub.pricing;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate row: bill and cost rate per hour where its set dimensions (brand, activity, member) match; no dimension set
 * is the agency default. Either rate may be null, then a less specific row supplies it.
 */
public record Rate(RateId id, BrandId brand, ActivityId activity, UserId member, BigDecimal billRate,
                   BigDecimal costRate, int version, Instant createdAt, Instant updatedAt) {

    /** Whether the row applies to work with these dimensions (a null dimension of the work matches unset only). */
    public boolean appliesTo(BrandId workBrand, ActivityId workActivity, UserId workMember) {
        return (brand == null || brand.equals(workBrand)) && (activity == null || activity.equals(workActivity))
                && (member == null || member.equals(workMember));
    }

    /** Member before activity before brand: a row with a member outranks any row without. */
    public int specificity() {
        return (member != null ? 4 : 0) + (activity != null ? 2 : 0) + (brand != null ? 1 : 0);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("brandId", brand == null ? null : brand.value());
        snapshot.put("activityId", activity == null ? null : activity.value());
        snapshot.put("memberId", member == null ? null : member.value());
        snapshot.put("billRate", billRate == null ? null : billRate.toPlainString());
        snapshot.put("costRate", costRate == null ? null : costRate.toPlainString());
        return snapshot;
    }
}
