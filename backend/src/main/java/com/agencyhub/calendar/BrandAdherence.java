package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.IsoWeek;

import java.time.ZoneId;
import java.util.List;

/**
 * A brand's calendar against its approved strategy over consecutive ISO weeks in the brand's zone: per week and
 * platform, and the pillar mix of the range. {@code strategyVersion} is null while no strategy is approved.
 */
public record BrandAdherence(BrandId brand, ZoneId zone, Integer strategyVersion, IsoWeek firstWeek,
                             List<Week> weeks, List<PillarShare> pillars) {

    public BrandAdherence {
        weeks = List.copyOf(weeks);
        pillars = List.copyOf(pillars);
    }

    public record Platform(String platform, AdherenceTotals totals) {
    }

    public record Week(IsoWeek week, List<Platform> platforms) {

        public Week {
            platforms = List.copyOf(platforms);
        }

        public AdherenceTotals totals() {
            return AdherenceTotals.sum(platforms.stream().map(Platform::totals).toList());
        }
    }

    /** A pillar's share of the range's posts; {@code pillar} null for posts without one. */
    public record PillarShare(String pillar, Integer targetSharePercent, int posts, double actualSharePercent) {
    }

    public IsoWeek lastWeek() {
        return weeks.get(weeks.size() - 1).week();
    }

    public AdherenceTotals totals() {
        return AdherenceTotals.sum(weeks.stream().map(Week::totals).toList());
    }
}
