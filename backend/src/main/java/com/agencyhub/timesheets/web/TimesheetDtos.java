package com.agencyhub.timesheets.web;

import com.agencyhub.api.model.ClosedMonthDto;
import com.agencyhub.api.model.DutyBillingDto;
import com.agencyhub.api.model.DutyBookingResultDto;
import com.agencyhub.api.model.DutyBookingSkipDto;
import com.agencyhub.api.model.TimeEntryDto;
import com.agencyhub.api.model.TimeEntrySourceDto;
import com.agencyhub.api.model.TimerDto;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.timesheets.DutyBillingSetting;
import com.agencyhub.timesheets.DutyBooking;
import com.agencyhub.timesheets.MonthClose;
import com.agencyhub.timesheets.RunningTimer;
import com.agencyhub.timesheets.TimeEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Time entries, timers, closed months and duty billing as the contract writes them. */
final class TimesheetDtos {

    private TimesheetDtos() {
    }

    /** The entry as the caller may see it: cost rates and amounts for agency admins only. */
    static TimeEntryDto entry(Actor actor, TimeEntry entry) {
        boolean seesCost = actor.has(Role.AGENCY_ADMIN);
        return new TimeEntryDto(entry.id().value(), entry.member().value(), entry.brand().value(),
                entry.activity().value(), entry.workDate(), utc(entry.start()), utc(entry.end()), entry.minutes(),
                entry.billable(), entry.note(), TimeEntrySourceDto.fromValue(Slugs.of(entry.source())),
                entry.adjusts() == null ? null : entry.adjusts().value(), money(entry.billRate()),
                seesCost ? money(entry.costRate()) : null, money(entry.surchargeAmount()),
                money(entry.billAmount()), seesCost ? money(entry.costAmount()) : null, entry.version(),
                entry.createdBy().value(), utc(entry.createdAt()), utc(entry.updatedAt()));
    }

    static TimerDto timer(RunningTimer timer) {
        return new TimerDto(timer.member().value(), timer.brand().value(), timer.activity().value(),
                utc(timer.startedAt()), timer.billable(), timer.note());
    }

    static ClosedMonthDto closedMonth(MonthClose close) {
        return new ClosedMonthDto(close.month().toString(), close.closedBy().value(), utc(close.closedAt()));
    }

    static DutyBillingDto dutyBilling(BrandId brand, DutyBillingSetting setting) {
        return setting == null ? new DutyBillingDto(brand.value(), false, null, null, null)
                : new DutyBillingDto(brand.value(), true, setting.activity().value(), setting.enabledBy().value(),
                utc(setting.enabledAt()));
    }

    static DutyBookingResultDto dutyBooking(Actor actor, DutyBooking booking) {
        return new DutyBookingResultDto(booking.booked().stream().map(entry -> entry(actor, entry)).toList(),
                booking.skipped().stream().map(skip -> new DutyBookingSkipDto(skip.member().value(),
                        utc(skip.start()), utc(skip.end()),
                        DutyBookingSkipDto.ReasonEnum.fromValue(Slugs.of(skip.reason())))).toList());
    }

    /** Two decimals, as stored. */
    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
