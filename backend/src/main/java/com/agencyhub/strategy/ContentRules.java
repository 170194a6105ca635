package com.agencyhub.strategy;

import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.shared.calendar.HolidayRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a strategy's content must follow as a whole, each broken rule a field error named by its JSON path.
 * Whether member ids name staff of the agency is asked of the members module separately.
 */
final class ContentRules {

    private final List<FieldViolation> violations = new ArrayList<>();

    private ContentRules() {
    }

    /** @param brandPlatforms the platforms of the brand's channels, which goals may point to */
    static List<FieldViolation> violations(StrategyContent content, Set<String> brandPlatforms) {
        ContentRules rules = new ContentRules();
        rules.unique("goals", content.goals(), "title", StrategyContent.Goal::title);
        for (int i = 0; i < content.goals().size(); i++) {
            String platform = content.goals().get(i).platform();
            if (platform != null && !brandPlatforms.contains(platform)) {
                rules.add("goals[" + i + "].platform", "is not a channel of the brand", "unknown-channel");
            }
        }
        rules.unique("targetGroups", content.targetGroups(), "name", StrategyContent.TargetGroup::name);
        rules.unique("channelPlan", content.channelPlan(), "platform and format", StrategyDiff::key);
        for (int i = 0; i < content.channelPlan().size(); i++) {
            StrategyContent.ChannelPlanRow row = content.channelPlan().get(i);
            rules.unique("channelPlan[" + i + "].preferredDays", row.preferredDays(), "day", Function.identity());
            rules.unique("channelPlan[" + i + "].preferredTimes", row.preferredTimes(), "time", Function.identity());
        }
        rules.unique("pillars", content.pillars(), "name", StrategyContent.ContentPillar::name);
        int shares = content.pillars().stream().mapToInt(StrategyContent.ContentPillar::targetSharePercent).sum();
        if (shares > 100) {
            rules.add("pillars", "target shares add up to " + shares + " %, at most 100 % are allowed", "share-sum");
        }
        rules.unique("responsibilities", content.responsibilities(), "task", StrategyContent.TaskResponsibility::task);
        for (int i = 0; i < content.responsibilities().size(); i++) {
            rules.people("responsibilities[" + i + "]", content.responsibilities().get(i));
        }
        rules.monitoring(content.monitoring());
        return List.copyOf(rules.violations);
    }

    private void people(String field, StrategyContent.TaskResponsibility responsibility) {
        unique(field + ".responsibleMemberIds", responsibility.responsibleMemberIds(), "member", Function.identity());
        unique(field + ".deputyMemberIds", responsibility.deputyMemberIds(), "member", Function.identity());
        Set<UserId> responsible = Set.copyOf(responsibility.responsibleMemberIds());
        for (int i = 0; i < responsibility.deputyMemberIds().size(); i++) {
            if (responsible.contains(responsibility.deputyMemberIds().get(i))) {
                add(field + ".deputyMemberIds[" + i + "]", "is responsible for the task already; a deputy stands in "
                        + "for someone else", "duplicate");
            }
        }
    }

    private void monitoring(StrategyContent.MonitoringRequirement monitoring) {
        overlaps("monitoring.coverageWindows", monitoring.coverageWindows());
        overlaps("monitoring.holidayWindows", monitoring.holidayWindows());
        if (monitoring.holidayRule() == HolidayRule.OWN_WINDOWS && monitoring.holidayWindows().isEmpty()) {
            add("monitoring.holidayWindows", "is required with the holiday rule own-windows", "required");
        }
        if (monitoring.holidayRule() != HolidayRule.OWN_WINDOWS && !monitoring.holidayWindows().isEmpty()) {
            add("monitoring.holidayWindows", "is only allowed with the holiday rule own-windows", "not-allowed");
        }
    }

    private void overlaps(String field, List<WeeklyWindow> windows) {
        WeeklyWindows.problems(windows).forEach(problem ->
                add(field + "[" + problem.index() + "]", problem.message(), problem.code()));
    }

    private <T> void unique(String field, List<T> items, String what, Function<? super T, ?> key) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                add(field + "[" + i + "]", "repeats the " + what + " of an earlier entry", "duplicate");
            }
        }
    }

    private void add(String field, String message, String code) {
        violations.add(new FieldViolation(field, message, code));
    }
}
