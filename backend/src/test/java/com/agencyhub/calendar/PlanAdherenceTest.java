package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.strategy.ApprovedPlan;
import com.agencyhub.strategy.StrategyContent;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanAdherenceTest {

    private static final BrandId BRAND = new BrandId(UUID.randomUUID());
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final IsoWeek W10 = new IsoWeek(2027, 10);
    private static final ApprovedPlan PLAN = new ApprovedPlan(BRAND, 3, List.of(
            row("instagram", StrategyContent.Format.SHORT_VIDEO, 2), row("instagram", StrategyContent.Format.POST, 1),
            row("linkedin", StrategyContent.Format.POST, 0.5)),
            List.of(new StrategyContent.ContentPillar("From the farm", "", 60),
                    new StrategyContent.ContentPillar("Recipes", "", 40)));

    @Test
    void aSurplusOnOnePlatformNeverHidesADeficitOnAnother() {
        BrandAdherence adherence = PlanAdherence.of(BRAND, BERLIN, PLAN, W10, 2, List.of(
                count(W10, "instagram", 1, 1, 0), count(W10, "linkedin", 2, 2, 2), count(W10, "tiktok", 1, 0, 0)),
                List.of());

        BrandAdherence.Week first = adherence.weeks().get(0);
        assertThat(first.platforms()).extracting(BrandAdherence.Platform::platform)
                .containsExactly("instagram", "linkedin", "tiktok");
        assertThat(first.platforms().get(0).totals()).isEqualTo(new AdherenceTotals(3, 1, 1, 0, 2, 0));
        assertThat(first.platforms().get(1).totals()).isEqualTo(new AdherenceTotals(0.5, 2, 2, 2, 0, 1.5));
        assertThat(first.platforms().get(2).totals()).isEqualTo(new AdherenceTotals(0, 1, 0, 0, 0, 1));
        assertThat(first.totals()).isEqualTo(new AdherenceTotals(3.5, 4, 3, 2, 2, 2.5));
        assertThat(adherence.weeks().get(1).platforms()).extracting(BrandAdherence.Platform::platform)
                .containsExactly("instagram", "linkedin");
        assertThat(adherence.totals().deficit()).isEqualTo(2 + 3.5);
        assertThat(adherence.lastWeek()).isEqualTo(new IsoWeek(2027, 11));
        assertThat(adherence.strategyVersion()).isEqualTo(3);
    }

    @Test
    void withoutAnApprovedStrategyNothingIsPromised() {
        BrandAdherence adherence = PlanAdherence.of(BRAND, BERLIN, null, W10, 1,
                List.of(count(W10, "instagram", 2, 0, 0)), List.of(new PlanAdherence.PillarCount(null, 2)));

        assertThat(adherence.strategyVersion()).isNull();
        assertThat(adherence.totals()).isEqualTo(new AdherenceTotals(0, 2, 0, 0, 0, 2));
        assertThat(adherence.pillars()).containsExactly(new BrandAdherence.PillarShare(null, null, 2, 100.0));
    }

    @Test
    void thePillarMixListsTheStrategysPillarsThenOthersThenPostsWithoutAPillar() {
        BrandAdherence adherence = PlanAdherence.of(BRAND, BERLIN, PLAN, W10, 1, List.of(), List.of(
                new PlanAdherence.PillarCount("Recipes", 3), new PlanAdherence.PillarCount(null, 1),
                new PlanAdherence.PillarCount("Behind the scenes", 2)));

        assertThat(adherence.pillars()).containsExactly(
                new BrandAdherence.PillarShare("From the farm", 60, 0, 0.0),
                new BrandAdherence.PillarShare("Recipes", 40, 3, 50.0),
                new BrandAdherence.PillarShare("Behind the scenes", null, 2, 33.3),
                new BrandAdherence.PillarShare(null, null, 1, 16.7));
    }

    @Test
    void countsOfOtherBrandsAndWeeksAreLeftOut() {
        BrandAdherence adherence = PlanAdherence.of(BRAND, BERLIN, PLAN, W10, 1, List.of(
                new PlatformWeekCount(new BrandId(UUID.randomUUID()), W10.monday(), "instagram", 5, 5, 5),
                count(new IsoWeek(2027, 11), "instagram", 5, 5, 5)), List.of());

        assertThat(adherence.totals()).isEqualTo(new AdherenceTotals(3.5, 0, 0, 0, 3.5, 0));
    }

    private static StrategyContent.ChannelPlanRow row(String platform, StrategyContent.Format format, double perWeek) {
        return new StrategyContent.ChannelPlanRow(platform, format, perWeek, 30, List.of(), List.of());
    }

    private static PlatformWeekCount count(IsoWeek week, String platform, int planned, int approved, int published) {
        return new PlatformWeekCount(BRAND, week.monday(), platform, planned, approved, published);
    }
}
