package com.agencyhub.timesheets.web;

import com.agencyhub.api.TimeEntriesApi;
import com.agencyhub.api.model.TimeEntryAdjustmentInputDto;
import com.agencyhub.api.model.TimeEntryDto;
import com.agencyhub.api.model.TimeEntryInputDto;
import com.agencyhub.api.model.TimeEntryPageDto;
import com.agencyhub.api.model.TimeEntryUpdateDto;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.timesheets.TimeEntries;
import com.agencyhub.timesheets.TimeEntry;
import com.agencyhub.timesheets.TimeEntryFilter;
import com.agencyhub.timesheets.TimeEntryId;
import com.agencyhub.timesheets.WorkTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@RestController
class TimeEntriesController implements TimeEntriesApi {

    private final TimeEntries entries;

    TimeEntriesController(TimeEntries entries) {
        this.entries = entries;
    }

    @Override
    public Mono<ResponseEntity<TimeEntryPageDto>> listTimeEntries(UUID memberId, UUID brandId, LocalDate from,
                                                                  LocalDate to, UUID activityId, Boolean billable,
                                                                  Integer limit, String cursor,
                                                                  ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must not be before from", "range");
        }
        TimeEntryFilter filter = new TimeEntryFilter(memberId == null ? null : new UserId(memberId),
                brandId == null ? null : new BrandId(brandId), activityId == null ? null : new ActivityId(activityId),
                billable, from, to);
        return CurrentActor.get().flatMap(actor -> entries.list(actor, filter, pageSize, cursor)
                .map(page -> ResponseEntity.ok(new TimeEntryPageDto(
                        page.map(entry -> TimesheetDtos.entry(actor, entry)).items(), page.nextCursor()))));
    }

    @Override
    public Mono<ResponseEntity<TimeEntryDto>> createTimeEntry(Mono<TimeEntryInputDto> body,
                                                              ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
            TimeEntryInputDto input = request.getT1();
            TimeEntries.NewEntry entry = new TimeEntries.NewEntry(
                    input.getMemberId() == null ? null : new UserId(input.getMemberId()),
                    new BrandId(input.getBrandId()), new ActivityId(input.getActivityId()),
                    time(input.getStart(), input.getEnd(), input.getDate(), input.getMinutes(), true),
                    input.getBillable() == null || input.getBillable(), note(input.getNote()));
            return entries.create(request.getT2(), entry)
                    .map(created -> created(TimesheetDtos.entry(request.getT2(), created), created));
        });
    }

    @Override
    public Mono<ResponseEntity<TimeEntryDto>> getTimeEntry(UUID entryId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> entries.get(actor, new TimeEntryId(entryId))
                .map(entry -> ResponseEntity.ok().eTag(ETags.of(entry.version()))
                        .body(TimesheetDtos.entry(actor, entry))));
    }

    @Override
    public Mono<ResponseEntity<TimeEntryDto>> updateTimeEntry(UUID entryId, String ifMatch,
                                                              Mono<TimeEntryUpdateDto> body,
                                                              ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
            TimeEntryUpdateDto input = request.getT1();
            TimeEntries.Changes changes = new TimeEntries.Changes(
                    input.getMemberId() == null ? null : new UserId(input.getMemberId()),
                    input.getBrandId() == null ? null : new BrandId(input.getBrandId()),
                    input.getActivityId() == null ? null : new ActivityId(input.getActivityId()),
                    time(input.getStart(), input.getEnd(), input.getDate(), input.getMinutes(), false),
                    input.getBillable(), input.getNote() == null ? null : input.getNote().strip());
            return entries.update(request.getT2(), new TimeEntryId(entryId), expectedVersion, changes)
                    .map(updated -> ResponseEntity.ok().eTag(ETags.of(updated.version()))
                            .body(TimesheetDtos.entry(request.getT2(), updated)));
        });
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteTimeEntry(UUID entryId, String ifMatch, ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> entries.delete(actor, new TimeEntryId(entryId), expectedVersion))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Override
    public Mono<ResponseEntity<TimeEntryDto>> createTimeEntryAdjustment(UUID entryId,
                                                                        Mono<TimeEntryAdjustmentInputDto> body,
                                                                        ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> entries.adjust(request.getT2(),
                        new TimeEntryId(entryId), request.getT1().getMinutes(), request.getT1().getNote().strip())
                .map(created -> created(TimesheetDtos.entry(request.getT2(), created), created)));
    }

    static ResponseEntity<TimeEntryDto> created(TimeEntryDto body, TimeEntry entry) {
        return ResponseEntity.created(URI.create(TimeEntriesApi.PATH_GET_TIME_ENTRY
                        .replace("{entryId}", entry.id().toString())))
                .eTag(ETags.of(entry.version())).body(body);
    }

    /**
     * The work time of a request: {@code start} with {@code end}, or {@code date} with {@code minutes}, never parts of
     * both; null when a change sends none ({@code required} false).
     */
    private static WorkTime time(OffsetDateTime start, OffsetDateTime end, LocalDate date, Integer minutes,
                                 boolean required) {
        boolean timed = start != null || end != null;
        boolean dated = date != null || minutes != null;
        if (timed && dated) {
            throw ApiProblem.invalidField(start != null ? "date" : "start", "send start and end, or date and minutes, "
                    + "not both", "exclusive");
        }
        if (timed) {
            if (start == null || end == null) {
                throw ApiProblem.invalidField(start == null ? "start" : "end", "is required with "
                        + (start == null ? "end" : "start"), "required");
            }
            return WorkTime.timed(Inputs.plausible("start", start), Inputs.plausible("end", end), "start", "end");
        }
        if (dated) {
            if (date == null || minutes == null) {
                throw ApiProblem.invalidField(date == null ? "date" : "minutes", "is required with "
                        + (date == null ? "minutes" : "date"), "required");
            }
            return WorkTime.onDate(Inputs.plausible("date", date), minutes, "minutes");
        }
        if (required) {
            throw ApiProblem.invalidField("start", "send start and end, or date and minutes", "required");
        }
        return null;
    }

    /** A note: stripped, and absent when blank. */
    private static String note(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
