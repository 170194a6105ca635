package com.agencyhub.businesstime.web;

import com.agencyhub.api.BusinessTimeApi;
import com.agencyhub.api.model.BusinessTimeSpanDto;
import com.agencyhub.api.model.DueTimesDto;
import com.agencyhub.api.model.SlaClockDto;
import com.agencyhub.api.model.SlaPriorityDto;
import com.agencyhub.api.model.TimeClassDto;
import com.agencyhub.api.model.TimeClassMinutesDto;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.businesstime.BusinessTimeSpan;
import com.agencyhub.businesstime.DueTimes;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/** The brand's business-time calendar evaluated; staff only (see security). */
@RestController
class BusinessTimeController implements BusinessTimeApi {

    private static final Duration LONGEST_SPAN = Duration.ofDays(366);

    private final BrandCalendars calendars;

    BusinessTimeController(BrandCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public Mono<ResponseEntity<DueTimesDto>> getDueTimes(UUID brandId, OffsetDateTime receivedAt, SlaPriorityDto priority,
                                                         ServerWebExchange exchange) {
        SlaPolicy.Priority asked = SlaPolicy.Priority.valueOf(priority.getValue().toUpperCase(Locale.ROOT));
        Instant received = Inputs.plausible("receivedAt", receivedAt);
        return CurrentActor.get()
                .flatMap(actor -> calendars.dueTimes(actor, new BrandId(brandId), received, asked))
                .map(due -> ResponseEntity.ok(dto(due)));
    }

    @Override
    public Mono<ResponseEntity<BusinessTimeSpanDto>> getBusinessTimeBetween(UUID brandId, OffsetDateTime from,
                                                                            OffsetDateTime to, ServerWebExchange exchange) {
        Instant start = Inputs.plausible("from", from);
        Instant end = Inputs.plausible("to", to);
        Inputs.range(start, end);
        if (Duration.between(start, end).compareTo(LONGEST_SPAN) > 0) {
            throw ApiProblem.invalidField("to", "must be at most 366 days after from", "range");
        }
        return CurrentActor.get().flatMap(actor -> calendars.between(actor, new BrandId(brandId), start, end))
                .map(span -> ResponseEntity.ok(dto(span)));
    }

    private static DueTimesDto dto(DueTimes due) {
        SlaPolicy policy = due.policy();
        return new DueTimesDto(utc(due.receivedAt()), priority(due.priority()), priority(policy.priority()),
                SlaClockDto.fromValue(policy.clock().name().toLowerCase(Locale.ROOT)), policy.firstResponseMinutes(),
                policy.resolutionMinutes(), utc(due.firstResponseDueAt()), utc(due.resolutionDueAt()),
                due.guidelinesVersion(), due.strategyVersion());
    }

    private static BusinessTimeSpanDto dto(BusinessTimeSpan span) {
        return new BusinessTimeSpanDto(utc(span.from()), utc(span.to()),
                (int) Duration.between(span.from(), span.to()).toMinutes(), (int) span.business().toMinutes(),
                span.classes().stream()
                        .filter(entry -> entry.duration().toMinutes() > 0)
                        .map(entry -> new TimeClassMinutesDto(
                                TimeClassDto.fromValue(entry.timeClass().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                                entry.businessTime(), (int) entry.duration().toMinutes()))
                        .toList());
    }

    private static SlaPriorityDto priority(SlaPolicy.Priority priority) {
        return SlaPriorityDto.fromValue(priority.name().toLowerCase(Locale.ROOT));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
