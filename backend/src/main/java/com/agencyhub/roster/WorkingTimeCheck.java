package com.agencyhub.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The working-time rules of a {@link WorkerProfile} applied to one week's figures. */
final class WorkingTimeCheck {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private WorkingTimeCheck() {
    }

    /**
     * {@code stretches} are the member's merged duty from the look-back on; a rest break belongs to the week in which
     * the stretch after it begins, so each break is judged in exactly one week.
     */
    static List<WorkingTimeViolation> violations(WorkerProfile member, Interval week, long onDutyMinutes,
                                                 DutyDays.Run longestRun, List<Interval> stretches) {
        List<WorkingTimeViolation> violations = new ArrayList<>();
        if (member.maxHoursPerWeek() != null) {
            // whole minutes on duty exceed a fractional limit exactly when they exceed its whole part
            long limit = member.maxHoursPerWeek().multiply(MINUTES_PER_HOUR).setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
            if (onDutyMinutes > limit) {
                violations.add(new WorkingTimeViolation(WorkingTimeViolation.Rule.MAX_HOURS_PER_WEEK, limit,
                        onDutyMinutes, week));
            }
        }
        Integer maxDays = member.maxConsecutiveDays();
        if (maxDays != null && longestRun != null && longestRun.days() > maxDays) {
            violations.add(new WorkingTimeViolation(WorkingTimeViolation.Rule.MAX_CONSECUTIVE_DAYS, maxDays,
                    longestRun.days(), longestRun.in(member.homeZone())));
        }
        Duration minRest = Duration.ofMinutes(member.minRestMinutes());
        for (int i = 1; i < stretches.size(); i++) {
            Interval rest = new Interval(stretches.get(i - 1).to(), stretches.get(i).from());
            if (week.contains(rest.to()) && rest.duration().compareTo(minRest) < 0) {
                violations.add(new WorkingTimeViolation(WorkingTimeViolation.Rule.MIN_REST, member.minRestMinutes(),
                        rest.duration().toMinutes(), rest));
            }
        }
        return violations;
    }
}
