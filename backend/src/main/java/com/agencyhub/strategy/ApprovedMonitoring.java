package com.agencyhub.strategy;

import com.agencyhub.shared.BrandId;

/** The monitoring requirement of a brand's latest approved strategy, with that version's number. */
public record ApprovedMonitoring(BrandId brand, int strategyVersion, StrategyContent.MonitoringRequirement monitoring) {
}
