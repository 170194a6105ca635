package com.agencyhub.strategy.web;

import com.agencyhub.api.model.StrategyChangeDto;
import com.agencyhub.api.model.StrategyChannelPlanRowDto;
import com.agencyhub.api.model.StrategyContentDto;
import com.agencyhub.api.model.StrategyContentPillarDto;
import com.agencyhub.api.model.StrategyDiffDto;
import com.agencyhub.api.model.StrategyGoalDto;
import com.agencyhub.api.model.StrategyKpiDto;
import com.agencyhub.api.model.StrategyMonitoringDto;
import com.agencyhub.api.model.StrategyResponsibilityDto;
import com.agencyhub.api.model.StrategyStatusDto;
import com.agencyhub.api.model.StrategyTargetGroupDto;
import com.agencyhub.api.model.StrategyVersionDto;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.WeeklyWindowInputs;
import com.agencyhub.shared.Slugs;
import com.agencyhub.strategy.StrategyContent;
import com.agencyhub.strategy.StrategyDiff;
import com.agencyhub.strategy.StrategyVersion;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Strategy versions and diffs as the contract shows them. */
final class StrategyDtos {

    private StrategyDtos() {
    }

    /** A draft comes with its ETag; approved versions never change and need none. */
    static ResponseEntity<StrategyVersionDto> ok(StrategyVersion version) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!version.approved()) {
            response.eTag(ETags.of(version.version()));
        }
        return response.body(of(version));
    }

    static StrategyVersionDto of(StrategyVersion version) {
        return new StrategyVersionDto(version.brand().value(), version.number(),
                StrategyStatusDto.fromValue(Slugs.of(version.status())), content(version.content()),
                utc(version.createdAt()), utc(version.updatedAt()), utc(version.approvedAt()),
                version.approvedBy() == null ? null : version.approvedBy().value(), (long) version.version());
    }

    static StrategyDiffDto of(StrategyDiff diff) {
        return new StrategyDiffDto(diff.brand().value(), diff.from(), diff.to(), diff.changes().stream()
                .map(change -> new StrategyChangeDto(StrategyChangeDto.SectionEnum.fromValue(change.section()),
                        StrategyChangeDto.ChangeEnum.fromValue(Slugs.of(change.kind())), change.item(),
                        change.fields()))
                .toList());
    }

    private static StrategyContentDto content(StrategyContent content) {
        return new StrategyContentDto(
                content.goals().stream().map(StrategyDtos::goal).toList(),
                content.targetGroups().stream().map(group -> new StrategyTargetGroupDto(group.name(),
                        group.description(), group.platforms())).toList(),
                content.channelPlan().stream().map(StrategyDtos::row).toList(),
                content.pillars().stream().map(pillar -> new StrategyContentPillarDto(pillar.name(),
                        pillar.description(), pillar.targetSharePercent())).toList(),
                content.responsibilities().stream().map(StrategyDtos::responsibility).toList(),
                monitoring(content.monitoring()));
    }

    private static StrategyGoalDto goal(StrategyContent.Goal goal) {
        StrategyContent.Kpi kpi = goal.kpi();
        return new StrategyGoalDto(goal.title(), new StrategyKpiDto(kpi.metric(), kpi.target(), kpi.unit(),
                StrategyKpiDto.DirectionEnum.fromValue(Slugs.of(kpi.direction())), kpi.dueDate()))
                .platform(goal.platform());
    }

    private static StrategyChannelPlanRowDto row(StrategyContent.ChannelPlanRow row) {
        return new StrategyChannelPlanRowDto(row.platform(),
                StrategyChannelPlanRowDto.FormatEnum.fromValue(Slugs.of(row.format())), row.postsPerWeek(),
                row.effortMinutesPerPost(),
                row.preferredDays().stream()
                        .map(day -> StrategyChannelPlanRowDto.PreferredDaysEnum.fromValue(day.name())).toList(),
                row.preferredTimes().stream().map(Object::toString).toList());
    }

    private static StrategyResponsibilityDto responsibility(StrategyContent.TaskResponsibility responsibility) {
        return new StrategyResponsibilityDto(
                StrategyResponsibilityDto.TaskEnum.fromValue(Slugs.of(responsibility.task())),
                ids(responsibility.responsibleMemberIds()), ids(responsibility.deputyMemberIds()));
    }

    private static StrategyMonitoringDto monitoring(StrategyContent.MonitoringRequirement monitoring) {
        return new StrategyMonitoringDto(
                monitoring.coverageWindows().stream().map(WeeklyWindowInputs::dto).toList(),
                StrategyMonitoringDto.HolidayRuleEnum.fromValue(Slugs.of(monitoring.holidayRule())),
                monitoring.holidayWindows().stream().map(WeeklyWindowInputs::dto).toList(),
                monitoring.expectedInteractionsPerWeek(), monitoring.handlingMinutesPerInteraction());
    }

    private static List<UUID> ids(List<UserId> ids) {
        return ids.stream().map(UserId::value).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
