package com.agencyhub.strategy.web;

import com.agencyhub.api.model.StrategyChannelPlanRowDto;
import com.agencyhub.api.model.StrategyContentDto;
import com.agencyhub.api.model.StrategyContentPillarDto;
import com.agencyhub.api.model.StrategyGoalDto;
import com.agencyhub.api.model.StrategyMonitoringDto;
import com.agencyhub.api.model.StrategyResponsibilityDto;
import com.agencyhub.api.model.StrategyTargetGroupDto;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.WeeklyWindowInputs;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.calendar.HolidayRule;
import com.agencyhub.strategy.StrategyContent;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

/**
 * The contract's strategy content turned into ours. Shapes, ranges and enums were checked by bean validation;
 * zero-length and overlapping windows fail here, every other rule in the strategy module.
 */
final class StrategyRequests {

    private StrategyRequests() {
    }

    static StrategyContent content(StrategyContentDto dto) {
        return new StrategyContent(map(dto.getGoals(), StrategyRequests::goal),
                map(dto.getTargetGroups(), group -> new StrategyContent.TargetGroup(group.getName().strip(),
                        group.getDescription(), group.getPlatforms())),
                map(dto.getChannelPlan(), StrategyRequests::row),
                map(dto.getPillars(), StrategyRequests::pillar),
                map(dto.getResponsibilities(), StrategyRequests::responsibility),
                monitoring(dto.getMonitoring()));
    }

    private static StrategyContent.Goal goal(StrategyGoalDto dto) {
        var kpi = dto.getKpi();
        return new StrategyContent.Goal(dto.getTitle().strip(), new StrategyContent.Kpi(kpi.getMetric(),
                kpi.getTarget(), kpi.getUnit(), Slugs.parse(StrategyContent.Direction.class, kpi.getDirection().getValue()),
                kpi.getDueDate()), dto.getPlatform());
    }

    private static StrategyContent.ChannelPlanRow row(StrategyChannelPlanRowDto dto) {
        return new StrategyContent.ChannelPlanRow(dto.getPlatform(),
                Slugs.parse(StrategyContent.Format.class, dto.getFormat().getValue()), dto.getPostsPerWeek(),
                dto.getEffortMinutesPerPost(), map(dto.getPreferredDays(), day -> DayOfWeek.valueOf(day.getValue())),
                map(dto.getPreferredTimes(), LocalTime::parse));
    }

    private static StrategyContent.ContentPillar pillar(StrategyContentPillarDto dto) {
        return new StrategyContent.ContentPillar(dto.getName().strip(), dto.getDescription(),
                dto.getTargetSharePercent());
    }

    private static StrategyContent.TaskResponsibility responsibility(StrategyResponsibilityDto dto) {
        return new StrategyContent.TaskResponsibility(Slugs.parse(StrategyContent.Task.class, dto.getTask().getValue()),
                map(dto.getResponsibleMemberIds(), UserId::new), map(dto.getDeputyMemberIds(), UserId::new));
    }

    private static StrategyContent.MonitoringRequirement monitoring(StrategyMonitoringDto dto) {
        return new StrategyContent.MonitoringRequirement(
                WeeklyWindowInputs.of("monitoring.coverageWindows", dto.getCoverageWindows()),
                Slugs.parse(HolidayRule.class, dto.getHolidayRule().getValue()),
                WeeklyWindowInputs.of("monitoring.holidayWindows", dto.getHolidayWindows()),
                dto.getExpectedInteractionsPerWeek(), dto.getHandlingMinutesPerInteraction());
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> mapping) {
        return items.stream().map(mapping).toList();
    }
}
