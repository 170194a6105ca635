package com.agencyhub.calendar;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.IsoWeek;
import com.agencyhub.strategy.ApprovedPlan;
import com.agencyhub.strategy.StrategyContent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what a brand's calendar holds with what its approved strategy promises (docs/content-calendar.md, "Plan
 * adherence"). Pure: the counts come from the database, the plan from the strategy.
 */
public final class PlanAdherence {

    private PlanAdherence() {
    }

    /** Posts of one pillar ({@code null}: without a pillar) in the range, not cancelled. */
    public record PillarCount(String pillar, int posts) {
    }

    /**
     * The brand's adherence for {@code weekCount} weeks from {@code first}. {@code plan} is null while no strategy is
     * approved: then nothing is promised. Counts of other brands or weeks are ignored.
     */
    public static BrandAdherence of(BrandId brand, ZoneId zone, ApprovedPlan plan, IsoWeek first, int weekCount,
                                    List<PlatformWeekCount> counts, List<PillarCount> pillars) {
        Map<String, Double> promised = plan == null ? Map.of() : plan.channelPlan().stream()
                .collect(Collectors.groupingBy(StrategyContent.ChannelPlanRow::platform, LinkedHashMap::new,
                        Collectors.summingDouble(StrategyContent.ChannelPlanRow::postsPerWeek)));
        Map<LocalDate, Map<String, PlatformWeekCount>> byWeek = counts.stream()
                .filter(count -> count.brand().equals(brand))
                .collect(Collectors.groupingBy(PlatformWeekCount::week,
                        Collectors.toMap(PlatformWeekCount::platform, Function.identity())));
        List<BrandAdherence.Week> weeks = new ArrayList<>();
        for (int i = 0; i < weekCount; i++) {
            IsoWeek week = first.plusWeeks(i);
            weeks.add(week(week, promised, byWeek.getOrDefault(week.monday(), Map.of())));
        }
        return new BrandAdherence(brand, zone, plan == null ? null : plan.strategyVersion(), first, weeks,
                shares(plan == null ? List.of() : plan.pillars(), pillars));
    }

    private static BrandAdherence.Week week(IsoWeek week, Map<String, Double> promised,
                                            Map<String, PlatformWeekCount> counts) {
        List<BrandAdherence.Platform> platforms = new ArrayList<>();
        promised.forEach((platform, posts) -> platforms.add(platform(platform, posts, counts.get(platform))));
        counts.keySet().stream().filter(platform -> !promised.containsKey(platform)).sorted()
                .forEach(platform -> platforms.add(platform(platform, 0, counts.get(platform))));
        return new BrandAdherence.Week(week, platforms);
    }

    private static BrandAdherence.Platform platform(String platform, double promised, PlatformWeekCount count) {
        return new BrandAdherence.Platform(platform, count == null ? AdherenceTotals.of(promised, 0, 0, 0)
                : AdherenceTotals.of(promised, count.planned(), count.approved(), count.published()));
    }

    /** The strategy's pillars in its order, then other pillars by name, then posts without a pillar. */
    private static List<BrandAdherence.PillarShare> shares(List<StrategyContent.ContentPillar> targets,
                                                           List<PillarCount> counts) {
        int total = counts.stream().mapToInt(PillarCount::posts).sum();
        Map<String, Integer> posts = counts.stream().filter(count -> count.pillar() != null)
                .collect(Collectors.toMap(PillarCount::pillar, PillarCount::posts));
        Set<String> named = targets.stream().map(StrategyContent.ContentPillar::name).collect(Collectors.toSet());
        List<BrandAdherence.PillarShare> shares = new ArrayList<>();
        for (StrategyContent.ContentPillar target : targets) {
            shares.add(share(target.name(), target.targetSharePercent(), posts.getOrDefault(target.name(), 0), total));
        }
        posts.keySet().stream().filter(pillar -> !named.contains(pillar)).sorted(Comparator.naturalOrder())
                .forEach(pillar -> shares.add(share(pillar, null, posts.get(pillar), total)));
        counts.stream().filter(count -> count.pillar() == null && count.posts() > 0).findFirst()
                .ifPresent(none -> shares.add(share(null, null, none.posts(), total)));
        return shares;
    }

    private static BrandAdherence.PillarShare share(String pillar, Integer target, int posts, int total) {
        double percent = total == 0 ? 0 : Math.round(posts * 1000.0 / total) / 10.0;
        return new BrandAdherence.PillarShare(pillar, target, posts, percent);
    }
}
