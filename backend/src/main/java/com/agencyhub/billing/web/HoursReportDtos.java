package com.agencyhub.billing.web;

import com.agencyhub.api.model.HoursActivityDto;
import com.agencyhub.api.model.HoursAgencyReportDto;
import com.agencyhub.api.model.HoursBrandFiguresDto;
import com.agencyhub.api.model.HoursContractTermsDto;
import com.agencyhub.api.model.HoursMemberDto;
import com.agencyhub.api.model.HoursMemberReportDto;
import com.agencyhub.api.model.HoursMonthCloseDto;
import com.agencyhub.api.model.HoursReportDto;
import com.agencyhub.billing.ActivityHours;
import com.agencyhub.billing.AgencyHoursReport;
import com.agencyhub.billing.BrandHoursReport;
import com.agencyhub.billing.BrandMonth;
import com.agencyhub.billing.Hours;
import com.agencyhub.billing.MemberHours;
import com.agencyhub.billing.MemberHoursReport;
import com.agencyhub.billing.MonthClosed;
import com.agencyhub.contracts.CarryOver;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.shared.security.Actor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The hours reports as the contract shows them: hours as numbers with two decimals, amounts as strings with two.
 * Client users get neither bill amounts nor who closed the month.
 */
final class HoursReportDtos {

    private HoursReportDtos() {
    }

    static HoursReportDto report(BrandHoursReport report, Actor viewer) {
        boolean staff = viewer.isStaff();
        HoursReportDto dto = new HoursReportDto(report.brand().value(), report.brandName(), report.month().toString(),
                report.currency(), terms(report.terms()), report.activities().stream()
                        .map(line -> activity(line, staff)).toList(),
                hours(report.plannedHours()), hours(report.trackedHours()), hours(report.billableHours()),
                hours(report.nonBillableHours()), hours(report.carriedInHours()), hours(report.availableHours()),
                report.utilisationPercent(), hours(report.overageHours()), hours(report.carriedOutHours()),
                amount(report.retainerAmount()), amount(report.overageAmount()), amount(report.invoiceAmount()),
                closed(report.closed(), staff), time(report.generatedAt()));
        return staff ? dto.billAmount(amount(report.tracked().billAmount())) : dto;
    }

    static HoursMemberReportDto members(MemberHoursReport report) {
        return new HoursMemberReportDto(report.month().toString(), report.workingDays(), report.members().stream()
                .map(HoursReportDtos::member).toList(), time(report.generatedAt()));
    }

    static HoursAgencyReportDto agency(AgencyHoursReport report) {
        return new HoursAgencyReportDto(report.month().toString(), report.currency(), report.brands().stream()
                .map(HoursReportDtos::brandMonth).toList(), brandMonth(report.totals()),
                closed(report.closed(), true), time(report.generatedAt()));
    }

    private static HoursActivityDto activity(ActivityHours line, boolean staff) {
        HoursActivityDto dto = new HoursActivityDto(line.activity().value(), line.key(), line.name(),
                hours(line.plannedHours()), Hours.hours(line.tracked().minutes()),
                Hours.hours(line.tracked().billableMinutes()), Hours.hours(line.tracked().nonBillableMinutes()));
        return staff ? dto.billAmount(amount(line.tracked().billAmount())) : dto;
    }

    private static HoursMemberDto member(MemberHours member) {
        return new HoursMemberDto(member.member().value(), member.name(), hours(member.capacityHours()),
                Hours.hours(member.tracked().minutes()), Hours.hours(member.tracked().billableMinutes()),
                member.utilisationPercent(), member.billableSharePercent());
    }

    private static HoursBrandFiguresDto brandMonth(BrandMonth month) {
        HoursBrandFiguresDto dto = new HoursBrandFiguresDto(hours(month.plannedHours()),
                Hours.hours(month.tracked().minutes()), Hours.hours(month.tracked().billableMinutes()),
                amount(month.invoiceAmount()), amount(month.tracked().billAmount()),
                amount(month.tracked().costAmount()), amount(month.marginAmount()), month.marginPercent());
        return month.brand() == null ? dto
                : dto.brandId(month.brand().value()).brandName(month.brandName()).hasContract(month.hasContract());
    }

    private static HoursContractTermsDto terms(ContractTerms terms) {
        if (terms == null) {
            return null;
        }
        boolean capped = terms.carryOver().rule() == CarryOver.Rule.CAPPED;
        return new HoursContractTermsDto(terms.contractId(), terms.firstMonth().toString(),
                terms.lastMonth() == null ? null : terms.lastMonth().toString(), amount(terms.monthlyPrice()),
                amount(terms.overageRate()), capped ? HoursContractTermsDto.CarryOverEnum.CAPPED
                : HoursContractTermsDto.CarryOverEnum.NONE, terms.carryOver().capHours(), terms.alertThresholds());
    }

    private static HoursMonthCloseDto closed(MonthClosed closed, boolean staff) {
        if (closed == null) {
            return null;
        }
        return staff ? new HoursMonthCloseDto(time(closed.closedAt()), closed.closedBy().value(),
                closed.closedByName()) : new HoursMonthCloseDto(time(closed.closedAt()), null, null);
    }

    private static BigDecimal hours(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    static String amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
