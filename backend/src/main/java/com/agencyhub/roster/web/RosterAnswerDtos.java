package com.agencyhub.roster.web;

import com.agencyhub.api.model.AbsenceKindDto;
import com.agencyhub.api.model.AgencyRosterCoverageDto;
import com.agencyhub.api.model.BrandRosterCoverageDto;
import com.agencyhub.api.model.CoverageProblemDto;
import com.agencyhub.api.model.OnDutyDto;
import com.agencyhub.api.model.RosterChangeDto;
import com.agencyhub.api.model.RosterDutyReasonDto;
import com.agencyhub.api.model.RosterPersonDto;
import com.agencyhub.api.model.RosterSegmentDto;
import com.agencyhub.api.model.RosterSegmentStatusDto;
import com.agencyhub.api.model.RosterShiftDto;
import com.agencyhub.api.model.RosterShiftListDto;
import com.agencyhub.api.model.RosterTimelineDto;
import com.agencyhub.members.MemberContact;
import com.agencyhub.roster.BrandCoverage;
import com.agencyhub.roster.BrandRoster;
import com.agencyhub.roster.BrandTimeline;
import com.agencyhub.roster.Coverage;
import com.agencyhub.roster.MemberShifts;
import com.agencyhub.roster.OnDuty;
import com.agencyhub.roster.RosterChange;
import com.agencyhub.roster.Segment;
import com.agencyhub.roster.Shift;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The roster's answers as the contract shows them; people are named with how to reach them. */
final class RosterAnswerDtos {

    private RosterAnswerDtos() {
    }

    static RosterChangeDto change(RosterChange change) {
        return new RosterChangeDto(change.id(), change.change().member().value(), change.change().brand().value(),
                RosterChangeDto.KindEnum.fromValue(Slugs.of(change.change().kind())),
                RosterDtos.utc(change.change().stretch().from()), RosterDtos.utc(change.change().stretch().to()),
                RosterChangeDto.CauseEnum.fromValue(Slugs.of(change.cause().kind())), change.cause().id(),
                change.changedBy().value(), RosterDtos.utc(change.createdAt()));
    }

    static OnDutyDto onDuty(OnDuty onDuty) {
        return new OnDutyDto(onDuty.brand().value(), RosterDtos.utc(onDuty.at()), segment(onDuty.segment(), onDuty.people()));
    }

    static RosterTimelineDto timeline(BrandTimeline timeline) {
        BrandRoster roster = timeline.roster();
        return new RosterTimelineDto(roster.brand().id().value(), roster.brand().zone().getId(),
                roster.strategyVersion(), RosterDtos.utc(roster.from()), RosterDtos.utc(roster.to()),
                timeline.segments().stream().map(segment -> segment(segment, timeline.people())).toList());
    }

    /** The coverage with at most {@code shownProblems} of its problems, earliest first. */
    static BrandRosterCoverageDto coverage(BrandCoverage brand, int shownProblems) {
        Coverage coverage = brand.coverage();
        return new BrandRosterCoverageDto(brand.brand().id().value(), brand.brand().name(), brand.strategyVersion(),
                RosterDtos.utc(brand.from()), RosterDtos.utc(brand.to()), coverage.required().toMinutes(), coverage.covered().toMinutes(),
                coverage.gap().toMinutes(), coverage.empty().toMinutes(), percent(coverage),
                coverage.fullyCovered(), coverage.problems().size(),
                coverage.problems().stream().limit(shownProblems)
                        .map(problem -> new CoverageProblemDto(RosterDtos.utc(problem.start()), RosterDtos.utc(problem.end()),
                                CoverageProblemDto.StatusEnum.fromValue(Slugs.of(problem.reason())),
                                problem.required()))
                        .toList());
    }

    static AgencyRosterCoverageDto agencyCoverage(Instant from, Instant to, List<BrandCoverage> brands,
                                                  int problemsPerBrand) {
        return new AgencyRosterCoverageDto(RosterDtos.utc(from), RosterDtos.utc(to),
                brands.stream().map(brand -> coverage(brand, problemsPerBrand)).toList());
    }

    static RosterShiftListDto shifts(MemberShifts shifts) {
        return new RosterShiftListDto(shifts.member().value(), RosterDtos.utc(shifts.from()), RosterDtos.utc(shifts.to()),
                shifts.shifts().stream().map(shift -> shift(shift, shifts.people())).toList());
    }

    private static RosterShiftDto shift(Shift shift, Map<UserId, MemberContact> people) {
        return new RosterShiftDto(shift.brand().id().value(), shift.brand().name(), RosterDtos.utc(shift.start()),
                RosterDtos.utc(shift.end()), reason(shift.reason()), shift.required(), person(shift.standingInFor(), people));
    }

    private static RosterSegmentDto segment(Segment segment, Map<UserId, MemberContact> people) {
        return new RosterSegmentDto(RosterDtos.utc(segment.start()), RosterDtos.utc(segment.end()),
                RosterSegmentStatusDto.fromValue(Slugs.of(segment.status())), segment.required(),
                person(segment.onDuty(), people), segment.reason() == null ? null : reason(segment.reason()),
                segment.rotationId() == null ? null : UUID.fromString(segment.rotationId()),
                person(segment.scheduled(), people),
                segment.absence() == null ? null : AbsenceKindDto.fromValue(Slugs.of(segment.absence())),
                segment.deputyChain().stream().map(member -> person(member, people)).toList());
    }

    private static RosterPersonDto person(UserId member, Map<UserId, MemberContact> people) {
        if (member == null) {
            return null;
        }
        MemberContact contact = people.get(member);
        return new RosterPersonDto(member.value(), contact.displayName(), contact.email());
    }

    private static RosterDutyReasonDto reason(Segment.Reason reason) {
        return RosterDutyReasonDto.fromValue(Slugs.of(reason));
    }

    /**
     * Rounded down to two decimals, in decimal arithmetic: a roster that misses a few required minutes must not read as
     * 100 % covered beside {@code fullyCovered: false}. Whole numbers without decimals.
     */
    private static BigDecimal percent(Coverage coverage) {
        if (coverage.required().isZero()) {
            return BigDecimal.valueOf(100);
        }
        BigDecimal percent = BigDecimal.valueOf(coverage.covered().toNanos()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(coverage.required().toNanos()), 2, RoundingMode.DOWN);
        return percent.stripTrailingZeros().scale() <= 0 ? BigDecimal.valueOf(percent.longValue())
                : percent.stripTrailingZeros();
    }
}
