package com.agencyhub.inbox.web;

import com.agencyhub.api.model.ResponseTimeBrandDto;
import com.agencyhub.api.model.ResponseTimeBreachesDto;
import com.agencyhub.api.model.ResponseTimeClockDto;
import com.agencyhub.api.model.ResponseTimeDurationsDto;
import com.agencyhub.api.model.ResponseTimeFiguresDto;
import com.agencyhub.api.model.ResponseTimeGroupDto;
import com.agencyhub.api.model.ResponseTimeHourDto;
import com.agencyhub.api.model.ResponseTimeReportDto;
import com.agencyhub.api.model.ResponseTimeResponderDto;
import com.agencyhub.api.model.ResponseTimeWeekDto;
import com.agencyhub.inbox.ResponseTimeBreaches;
import com.agencyhub.inbox.ResponseTimeBreakdown;
import com.agencyhub.inbox.ResponseTimeFigures;
import com.agencyhub.inbox.ResponseTimeGroup;
import com.agencyhub.inbox.ResponseTimeReport;
import com.agencyhub.shared.calendar.IsoWeek;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Response-time reports as the contract shows them. */
final class ResponseTimeDtos {

    private ResponseTimeDtos() {
    }

    static ResponseTimeReportDto report(ResponseTimeReport report) {
        ResponseTimeReportDto dto = new ResponseTimeReportDto(report.brand() == null ? null : report.brand().value(),
                report.brandName(), report.period().zone().getId(), report.period().from(), report.period().to(),
                report.generatedAt().atOffset(ZoneOffset.UTC), figures(report.totals().figures()),
                breaches(report.totals().breaches()), groups(report, ResponseTimeBreakdown.WINDOW_CLASS),
                groups(report, ResponseTimeBreakdown.CHANNEL), groups(report, ResponseTimeBreakdown.PRIORITY),
                groups(report, ResponseTimeBreakdown.KIND),
                report.groups(ResponseTimeBreakdown.WEEK).stream().map(ResponseTimeDtos::week).toList(),
                report.groups(ResponseTimeBreakdown.WEEKDAY_HOUR).stream().map(ResponseTimeDtos::hour).toList());
        if (report.includes(ResponseTimeBreakdown.RESPONDER)) {
            dto.setByResponder(report.groups(ResponseTimeBreakdown.RESPONDER).stream()
                    .map(group -> new ResponseTimeResponderDto(UUID.fromString(group.firstKey()),
                            report.names().get(group.firstKey()), figures(group.figures()))).toList());
        }
        if (report.includes(ResponseTimeBreakdown.BRAND)) {
            dto.setByBrand(report.groups(ResponseTimeBreakdown.BRAND).stream()
                    .map(group -> new ResponseTimeBrandDto(UUID.fromString(group.firstKey()),
                            report.names().get(group.firstKey()), figures(group.figures()))).toList());
        }
        return dto;
    }

    private static List<ResponseTimeGroupDto> groups(ResponseTimeReport report, ResponseTimeBreakdown breakdown) {
        return report.groups(breakdown).stream()
                .map(group -> new ResponseTimeGroupDto(group.firstKey(), figures(group.figures()))).toList();
    }

    private static ResponseTimeWeekDto week(ResponseTimeGroup group) {
        LocalDate monday = LocalDate.parse(group.firstKey());
        return new ResponseTimeWeekDto(IsoWeek.of(monday).toString(), monday, figures(group.figures()));
    }

    private static ResponseTimeHourDto hour(ResponseTimeGroup group) {
        return new ResponseTimeHourDto(Integer.valueOf(group.key().get(0)), Integer.valueOf(group.key().get(1)),
                figures(group.figures()));
    }

    private static ResponseTimeFiguresDto figures(ResponseTimeFigures figures) {
        return new ResponseTimeFiguresDto(Math.toIntExact(figures.received()), clock(figures.firstResponse()),
                clock(figures.resolution()));
    }

    private static ResponseTimeClockDto clock(ResponseTimeFigures.Clock clock) {
        return new ResponseTimeClockDto(Math.toIntExact(clock.completed()), Math.toIntExact(clock.open()),
                Math.toIntExact(clock.withinTarget()), Math.toIntExact(clock.missedTarget()),
                Math.toIntExact(clock.notYetDue()), Math.toIntExact(clock.withoutTarget()),
                decimal(clock.percentWithinTarget()), durations(clock.businessMinutes()),
                durations(clock.calendarMinutes()));
    }

    private static ResponseTimeDurationsDto durations(ResponseTimeFigures.Durations durations) {
        return new ResponseTimeDurationsDto(decimal(durations.median()), decimal(durations.p90()),
                decimal(durations.mean()));
    }

    private static ResponseTimeBreachesDto breaches(ResponseTimeBreaches breaches) {
        return new ResponseTimeBreachesDto(Math.toIntExact(breaches.missedTarget()),
                Math.toIntExact(breaches.uncovered()), Math.toIntExact(breaches.escalationFailed()),
                Math.toIntExact(breaches.coveredButSlow()));
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
