package com.agencyhub.strategy;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;

/**
 * One version of a brand's strategy, numbered from 1 per brand. {@code version} counts the changes of a draft
 * (its ETag); {@code approvedAt} and {@code approvedBy} are null while it is a draft.
 */
public record StrategyVersion(BrandId brand, int number, StrategyStatus status, StrategyContent content,
                              Instant createdAt, Instant updatedAt, Instant approvedAt, UserId approvedBy,
                              int version) {

    public boolean approved() {
        return status == StrategyStatus.APPROVED;
    }
}
