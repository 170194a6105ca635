package com.agencyhub.contracts.web;

import com.agencyhub.api.model.ContractCarryOverDto;
import com.agencyhub.api.model.ContractDto;
import com.agencyhub.api.model.ContractLineDto;
import com.agencyhub.api.model.QuoteComparisonDto;
import com.agencyhub.api.model.QuoteDifferenceDto;
import com.agencyhub.api.model.QuoteDto;
import com.agencyhub.api.model.QuoteLineDto;
import com.agencyhub.api.model.QuoteParametersDto;
import com.agencyhub.api.model.QuoteSettingsDto;
import com.agencyhub.api.model.TimeClassDto;
import com.agencyhub.contracts.CarryOver;
import com.agencyhub.contracts.Contract;
import com.agencyhub.contracts.Quote;
import com.agencyhub.contracts.QuoteComparison;
import com.agencyhub.contracts.QuoteParameters;
import com.agencyhub.contracts.StoredQuoteParameters;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.time.ZoneOffset;

/** Contracts and quotes as the contract shows them: amounts as strings with two decimals, hours as numbers. */
final class ContractDtos {

    private ContractDtos() {
    }

    static ContractDto contract(Contract contract) {
        return new ContractDto(contract.id().value(), contract.brand().value(),
                ContractDto.StatusEnum.fromValue(Slugs.of(contract.status())), contract.firstMonth().toString(),
                contract.lastMonth() == null ? null : contract.lastMonth().toString(),
                ContractDto.BillingCycleEnum.MONTHLY, contract.currency(), amount(contract.monthlyPrice()),
                hours(contract.plannedHours()), amount(contract.overageRate()), carryOver(contract.carryOver()),
                contract.alertThresholds(), contract.lines().stream().map(line -> new ContractLineDto(
                        line.activity().value(), timeClass(line.timeClass()), hours(line.plannedHours()),
                        amount(line.billRate()), hours(line.surchargePercent()), amount(line.amount()))).toList(),
                contract.quote() == null ? null : quote(contract.quote()), contract.note(), contract.version(),
                contract.createdBy().value(), contract.createdAt().atOffset(ZoneOffset.UTC),
                contract.updatedAt().atOffset(ZoneOffset.UTC),
                contract.activatedBy() == null ? null : contract.activatedBy().value(),
                contract.activatedAt() == null ? null : contract.activatedAt().atOffset(ZoneOffset.UTC));
    }

    static QuoteDto quote(Quote quote) {
        return new QuoteDto(quote.brand().value(), quote.strategyVersion(), quote.currency(), Quote.WEEKS_PER_MONTH,
                parameters(quote.parameters()), quote.lines().stream().map(line -> new QuoteLineDto(
                        line.activity().value(), line.activityKey(), timeClass(line.timeClass()),
                        hours(line.hoursPerMonth()), amount(line.billRate()), hours(line.surchargePercent()),
                        amount(line.amount()), line.formula())).toList(),
                hours(quote.totalHours()), amount(quote.monthlyPrice()));
    }

    static QuoteComparisonDto comparison(QuoteComparison comparison) {
        return new QuoteComparisonDto(quote(comparison.current()), quote(comparison.changed()),
                comparison.difference().stream().map(change -> new QuoteDifferenceDto(change.activity().value(),
                        change.activityKey(), hours(change.hours()), amount(change.amount()))).toList(),
                hours(comparison.hours()), amount(comparison.price()));
    }

    static QuoteSettingsDto settings(StoredQuoteParameters stored) {
        return new QuoteSettingsDto(parameters(stored.parameters()), stored.version());
    }

    private static QuoteParametersDto parameters(QuoteParameters parameters) {
        return new QuoteParametersDto(parameters.monitoringEffortPercent(),
                hours(parameters.strategyPlanningHoursPerMonth()), hours(parameters.reportingHoursPerMonth()),
                hours(parameters.meetingsHoursPerMonth()));
    }

    private static ContractCarryOverDto carryOver(CarryOver carryOver) {
        return new ContractCarryOverDto(ContractCarryOverDto.RuleEnum.fromValue(Slugs.of(carryOver.rule())))
                .capHours(carryOver.capHours() == null ? null : hours(carryOver.capHours()));
    }

    private static TimeClassDto timeClass(TimeClass timeClass) {
        return TimeClassDto.fromValue(Slugs.of(timeClass));
    }

    private static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** Hours and percents without trailing zeros (20.00 → 20). */
    private static BigDecimal hours(BigDecimal hours) {
        return hours.signum() == 0 ? BigDecimal.ZERO : hours.stripTrailingZeros();
    }
}
