package com.agencyhub.strategy;

import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.shared.calendar.WeeklyWindow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What one version of a brand's strategy says. Checked as a whole by {@link ContentRules} before it is stored;
 * the records only hold it.
 */
public record StrategyContent(List<Goal> goals, List<TargetGroup> targetGroups, List<ChannelPlanRow> channelPlan,
                              List<ContentPillar> pillars, List<TaskResponsibility> responsibilities,
                              MonitoringRequirement monitoring) {

    public static final StrategyContent EMPTY = new StrategyContent(List.of(), List.of(), List.of(), List.of(),
            List.of(), new MonitoringRequirement(List.of(), HolidayRule.NONE, List.of(), 0, 0));

    public StrategyContent {
        goals = List.copyOf(goals);
        targetGroups = List.copyOf(targetGroups);
        channelPlan = List.copyOf(channelPlan);
        pillars = List.copyOf(pillars);
        responsibilities = List.copyOf(responsibilities);
    }

    /** @param platform one of the brand's channel platforms, or null */
    public record Goal(String title, Kpi kpi, String platform) {
    }

    public record Kpi(String metric, double target, String unit, Direction direction, LocalDate dueDate) {
    }

    public enum Direction { INCREASE, DECREASE, MAINTAIN }

    public record TargetGroup(String name, String description, List<String> platforms) {

        public TargetGroup {
            platforms = List.copyOf(platforms);
        }
    }

    public record ChannelPlanRow(String platform, Format format, double postsPerWeek, int effortMinutesPerPost,
                                 List<DayOfWeek> preferredDays, List<LocalTime> preferredTimes) {

        public ChannelPlanRow {
            preferredDays = List.copyOf(preferredDays);
            preferredTimes = List.copyOf(preferredTimes);
        }
    }

    public enum Format { POST, STORY, REEL, SHORT_VIDEO, ARTICLE, LIVE, OTHER }

    public record ContentPillar(String name, String description, int targetSharePercent) {
    }

    public record TaskResponsibility(Task task, List<UserId> responsibleMemberIds, List<UserId> deputyMemberIds) {

        public TaskResponsibility {
            responsibleMemberIds = List.copyOf(responsibleMemberIds);
            deputyMemberIds = List.copyOf(deputyMemberIds);
        }
    }

    public enum Task { PLANNING, CONTENT, MONITORING, COMMUNITY_MANAGEMENT, REPORTING }

    /**
     * When the brand must be watched, in the brand's zone (component names follow the contract, as the diff
     * reports them). {@code holidayWindows} apply on public holidays with
     * {@link HolidayRule#OWN_WINDOWS} and are empty otherwise.
     */
    public record MonitoringRequirement(List<WeeklyWindow> coverageWindows, HolidayRule holidayRule,
                                        List<WeeklyWindow> holidayWindows, int expectedInteractionsPerWeek,
                                        int handlingMinutesPerInteraction) {

        public MonitoringRequirement {
            coverageWindows = List.copyOf(coverageWindows);
            holidayWindows = List.copyOf(holidayWindows);
        }
    }

    /** On public holidays: the Sunday windows, windows of their own, or no coverage. */}
