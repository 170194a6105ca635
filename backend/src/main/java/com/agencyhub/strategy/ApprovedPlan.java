package com.agencyhub.strategy;

import com.agencyhub.shared.BrandId;

import java.util.List;

/** What a brand's approved strategy promises for its calendar: posts per week per channel, and the pillar mix. */
public record ApprovedPlan(BrandId brand, int strategyVersion, List<StrategyContent.ChannelPlanRow> channelPlan,
                           List<StrategyContent.ContentPillar> pillars) {

    public ApprovedPlan {
        channelPlan = List.copyOf(channelPlan);
        pillars = List.copyOf(pillars);
    }
}
