package com.agencyhub.roster.web;

import com.agencyhub.api.model.MemberLoadDto;
import com.agencyhub.api.model.MemberWeekLoadDto;
import com.agencyhub.api.model.RosterFairnessDto;
import com.agencyhub.api.model.RosterLoadDto;
import com.agencyhub.api.model.WorkingTimeViolationDto;
import com.agencyhub.roster.MemberWeekLoad;
import com.agencyhub.roster.RosterLoads;
import com.agencyhub.roster.WorkingTimeViolation;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Load and fairness as the contract writes them. */
final class RosterLoadDtos {

    private RosterLoadDtos() {
    }

    static RosterLoadDto report(RosterLoads.Report report) {
        return new RosterLoadDto(report.first().toString(), report.last().toString(),
                new RosterFairnessDto(RosterFairnessDto.MeasureEnum.GINI_OF_UNSOCIAL_MINUTES_PER_CAPACITY_HOUR,
                        rounded(report.fairness().gini()), report.members().size()),
                report.members().stream().map(RosterLoadDtos::member).toList());
    }

    private static MemberLoadDto member(RosterLoads.MemberLoad load) {
        return new MemberLoadDto(load.member().id().value(), load.member().displayName(),
                load.profile().homeZone().getId(), load.profile().capacityHours(), load.share().unsocialMinutes(),
                rounded(load.share().share()), load.weeks().stream().map(RosterLoadDtos::week).toList());
    }

    private static MemberWeekLoadDto week(MemberWeekLoad week) {
        return new MemberWeekLoadDto(week.week().toString(), week.onDutyMinutes(), week.outsideWorkingHoursMinutes(),
                week.minutes(TimeClass.WEEKDAY_EVENING), week.minutes(TimeClass.NIGHT),
                week.minutes(TimeClass.WEEKEND), week.minutes(TimeClass.HOLIDAY), week.daysOnDuty().size(),
                week.longestRunDays(), week.violations().stream().map(RosterLoadDtos::violation).toList());
    }

    private static WorkingTimeViolationDto violation(WorkingTimeViolation violation) {
        // the calculator compares hours per week in minutes; the contract speaks of hours
        int perUnit = violation.rule() == WorkingTimeViolation.Rule.MAX_HOURS_PER_WEEK ? 60 : 1;
        return new WorkingTimeViolationDto(WorkingTimeViolationDto.RuleEnum.fromValue(Slugs.of(violation.rule())),
                inUnits(violation.limit(), perUnit), inUnits(violation.actual(), perUnit),
                RosterDtos.utc(violation.interval().from()), RosterDtos.utc(violation.interval().to()));
    }

    private static BigDecimal inUnits(long value, int perUnit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(perUnit), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** Three decimals are plenty for a share or a coefficient. */
    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
