package com.agencyhub.contracts;

import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The quote formula (docs/contracts.md): hours per month by activity and time class, each line computed exactly and
 * rounded once, half up to 0.01 h, with the computation written out for people. A month is 52/12 weeks.
 */
final class QuoteFormula {

    static final String STRATEGY_PLANNING = "strategy-planning";
    static final String CONTENT_CREATION = "content-creation";
    static final String COMMUNITY_MANAGEMENT = "community-management";
    static final String MONITORING = "monitoring";
    static final String REPORTING = "reporting";
    static final String MEETINGS = "meetings";

    private static final BigDecimal WEEKS_PER_YEAR = BigDecimal.valueOf(52);
    private static final BigDecimal MINUTES_PER_MONTH_OF_HOURS = BigDecimal.valueOf(12 * 60);
    private static final BigDecimal MINUTES_PER_YEAR_OF_HOURS_AND_PERCENT = BigDecimal.valueOf(12 * 60 * 100);

    /** Hours per month of an activity in a time class, and how they were computed. */
    record Planned(String activityKey, TimeClass timeClass, BigDecimal hours, String formula) {
    }

    private QuoteFormula() {
    }

    /** The lines with hours, in the order of the activity catalogue's defaults; lines of zero hours are left out. */
    static List<Planned> plan(QuoteInputs inputs) {
        QuoteParameters parameters = inputs.parameters();
        List<Planned> lines = new ArrayList<>();
        baseline(lines, STRATEGY_PLANNING, parameters.strategyPlanningHoursPerMonth());
        content(lines, inputs.posts());
        community(lines, inputs.interactionsPerWeek(), inputs.handlingMinutesPerInteraction());
        for (TimeClass timeClass : TimeClass.values()) {
            monitoring(lines, timeClass, inputs.coverageIn52Weeks().getOrDefault(timeClass, Duration.ZERO),
                    parameters.monitoringEffortPercent());
        }
        baseline(lines, REPORTING, parameters.reportingHoursPerMonth());
        baseline(lines, MEETINGS, parameters.meetingsHoursPerMonth());
        return lines.stream().filter(line -> line.hours().signum() > 0).toList();
    }

    private static void baseline(List<Planned> lines, String activity, BigDecimal hours) {
        lines.add(new Planned(activity, TimeClass.WEEKDAY_DAYTIME, hours.setScale(2, RoundingMode.HALF_UP),
                "baseline " + plain(hours) + " h per month"));
    }

    private static void content(List<Planned> lines, List<QuotePosts> posts) {
        BigDecimal minutesPerWeek = posts.stream()
                .map(row -> row.postsPerWeek().multiply(BigDecimal.valueOf(row.effortMinutesPerPost())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String parts = posts.stream().map(row -> row.platform() + " " + plain(row.postsPerWeek()) + " × "
                + row.effortMinutesPerPost() + " min").collect(Collectors.joining(" + "));
        lines.add(new Planned(CONTENT_CREATION, TimeClass.WEEKDAY_DAYTIME, perMonth(minutesPerWeek),
                "(" + parts + ") per week = " + plain(minutesPerWeek) + " min × " + Quote.WEEKS_PER_MONTH
                        + " weeks ÷ 60"));
    }

    private static void community(List<Planned> lines, int interactionsPerWeek, int handlingMinutes) {
        BigDecimal minutesPerWeek = BigDecimal.valueOf((long) interactionsPerWeek * handlingMinutes);
        lines.add(new Planned(COMMUNITY_MANAGEMENT, TimeClass.WEEKDAY_DAYTIME, perMonth(minutesPerWeek),
                interactionsPerWeek + " interactions × " + handlingMinutes + " min per week = "
                        + plain(minutesPerWeek) + " min × " + Quote.WEEKS_PER_MONTH + " weeks ÷ 60"));
    }

    private static void monitoring(List<Planned> lines, TimeClass timeClass, Duration in52Weeks, int effortPercent) {
        BigDecimal minutes = BigDecimal.valueOf(in52Weeks.toMinutes());
        BigDecimal hours = minutes.multiply(BigDecimal.valueOf(effortPercent))
                .divide(MINUTES_PER_YEAR_OF_HOURS_AND_PERCENT, 2, RoundingMode.HALF_UP);
        lines.add(new Planned(MONITORING, timeClass, hours, "coverage " + plain(minutes.divide(BigDecimal.valueOf(60),
                2, RoundingMode.HALF_UP)) + " h " + Slugs.of(timeClass) + " in 52 weeks ÷ 12 × " + effortPercent
                + " %"));
    }

    /** Minutes per week as hours per month: × 52 ÷ 12 ÷ 60. */
    private static BigDecimal perMonth(BigDecimal minutesPerWeek) {
        return minutesPerWeek.multiply(WEEKS_PER_YEAR).divide(MINUTES_PER_MONTH_OF_HOURS, 2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
