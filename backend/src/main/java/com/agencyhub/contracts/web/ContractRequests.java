package com.agencyhub.contracts.web;

import com.agencyhub.api.model.ContractCarryOverDto;
import com.agencyhub.api.model.ContractLineInputDto;
import com.agencyhub.api.model.QuoteChangesDto;
import com.agencyhub.api.model.QuoteExtraPostsDto;
import com.agencyhub.api.model.QuoteParametersDto;
import com.agencyhub.contracts.CarryOver;
import com.agencyhub.contracts.QuoteChanges;
import com.agencyhub.contracts.QuoteParameters;
import com.agencyhub.contracts.QuotePosts;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Money;
import com.agencyhub.pricing.PlannedHours;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.WeeklyWindowInputs;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Contract and quote requests as the services take them; what one field shows wrong is a 400 naming it. */
final class ContractRequests {

    private static final BigDecimal MAX_HOURS = new BigDecimal("99999.99");
    private static final BigDecimal MAX_RATE = new BigDecimal("99999999.99");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2199;

    private ContractRequests() {
    }

    static YearMonth month(String field, String value) {
        if (value == null) {
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a month like 2026-10", "invalid-month");
        }
        if (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR) {
            throw ApiProblem.invalidField(field, "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR,
                    "out-of-range");
        }
        return month;
    }

    static BigDecimal rate(String field, String value) {
        if (value == null) {
            return null;
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(field, "must be an amount like 95.00", "invalid-amount");
        }
        if (!Money.isValidRate(rate) || rate.compareTo(MAX_RATE) > 0) {
            throw ApiProblem.invalidField(field, "must be from 0.00 to 99999999.99 with at most two decimals",
                    "invalid-amount");
        }
        return rate;
    }

    static CarryOver carryOver(ContractCarryOverDto dto) {
        if (dto == null) {
            return null;
        }
        if (dto.getRule() == ContractCarryOverDto.RuleEnum.NONE) {
            if (dto.getCapHours() != null) {
                throw ApiProblem.invalidField("carryOver.capHours", "only a capped carry-over has a cap",
                        "cap-without-capped");
            }
            return CarryOver.NONE;
        }
        if (dto.getCapHours() == null) {
            throw ApiProblem.invalidField("carryOver.capHours", "is required with the rule capped", "required");
        }
        return CarryOver.capped(hours("carryOver.capHours", dto.getCapHours()));
    }

    static List<Integer> thresholds(List<Integer> values) {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            Integer value = values.get(i);
            if (value == null || value < 1 || value > 1000) {
                throw ApiProblem.invalidField("alertThresholds[" + i + "]", "must be a percent from 1 to 1000",
                        "out-of-range");
            }
            if (i > 0 && value <= values.get(i - 1)) {
                throw ApiProblem.invalidField("alertThresholds[" + i + "]", "must be above the threshold before it",
                        "not-ascending");
            }
        }
        return List.copyOf(values);
    }

    static List<PlannedHours> lines(List<ContractLineInputDto> lines) {
        if (lines == null) {
            return null;
        }
        List<PlannedHours> planned = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ContractLineInputDto line = nonNull("lines[" + i + "]", lines.get(i));
            planned.add(new PlannedHours(new ActivityId(line.getActivityId()),
                    Slugs.parse(TimeClass.class, line.getTimeClass().getValue()),
                    hours("lines[" + i + "].plannedHours", line.getPlannedHours())));
        }
        return planned;
    }

    static String note(String note) {
        return note == null ? null : note.strip();
    }

    static QuoteParameters parameters(QuoteParametersDto dto) {
        if (dto == null) {
            return null;
        }
        return new QuoteParameters(dto.getMonitoringEffortPercent(),
                baseline("strategyPlanningHoursPerMonth", dto.getStrategyPlanningHoursPerMonth()),
                baseline("reportingHoursPerMonth", dto.getReportingHoursPerMonth()),
                baseline("meetingsHoursPerMonth", dto.getMeetingsHoursPerMonth()));
    }

    static QuoteChanges changes(QuoteChangesDto dto) {
        if (dto.equals(new QuoteChangesDto())) {
            throw ApiProblem.badRequest("Send at least one change to compare.");
        }
        List<QuotePosts> posts = new ArrayList<>();
        if (dto.getExtraPosts() != null) {
            for (int i = 0; i < dto.getExtraPosts().size(); i++) {
                QuoteExtraPostsDto extra = nonNull("extraPosts[" + i + "]", dto.getExtraPosts().get(i));
                posts.add(new QuotePosts(extra.getPlatform(), hours("extraPosts[" + i + "].postsPerWeek",
                        extra.getPostsPerWeek()), extra.getEffortMinutesPerPost()));
            }
        }
        List<WeeklyWindow> windows = List.of();
        if (dto.getAddCoverageWindows() != null) {
            for (int i = 0; i < dto.getAddCoverageWindows().size(); i++) {
                nonNull("addCoverageWindows[" + i + "]", dto.getAddCoverageWindows().get(i));
            }
            windows = WeeklyWindowInputs.of("addCoverageWindows", dto.getAddCoverageWindows());
        }
        return new QuoteChanges(windows, posts, dto.getExpectedInteractionsPerWeek(),
                dto.getHandlingMinutesPerInteraction(), parameters(dto.getParameters()));
    }

    /** Positive, at most two decimals, at most 99999.99. */
    private static BigDecimal hours(String field, BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(MAX_HOURS) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.invalidField(field, "must be above 0 and at most 99999.99, with at most two decimals",
                    "invalid-hours");
        }
        return value;
    }

    private static BigDecimal baseline(String field, BigDecimal value) {
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.invalidField("parameters." + field, "must not be negative and have at most two "
                    + "decimals", "invalid-hours");
        }
        return value;
    }

    private static <T> T nonNull(String field, T item) {
        if (item == null) {
            throw ApiProblem.invalidField(field, "must not be null", "required");
        }
        return item;
    }
}
