package com.agencyhub.strategy;

import com.agencyhub.shared.UserId;

import java.util.List;

import com.agencyhub.shared.BrandId;

/**
 * The monitoring requirement of a brand's latest approved strategy, with that version's number and who the strategy
 * names for the monitoring task (responsible members and deputies, in the strategy's order; empty when it names none).
 */
public record ApprovedMonitoring(BrandId brand, int strategyVersion, StrategyContent.MonitoringRequirement monitoring,
                                 List<UserId> responsible, List<UserId> deputies) {

    public ApprovedMonitoring {
        responsible = List.copyOf(responsible);
        deputies = List.copyOf(deputies);
    }
}
