package com.agencyhub.timesheets.web;

import com.agencyhub.api.TimersApi;
import com.agencyhub.api.model.TimeEntryDto;
import com.agencyhub.api.model.TimerDto;
import com.agencyhub.api.model.TimerInputDto;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.timesheets.Timers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
class TimersController implements TimersApi {

    private final Timers timers;

    TimersController(Timers timers) {
        this.timers = timers;
    }

    @Override
    public Mono<ResponseEntity<TimerDto>> getTimer(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(timers::get)
                .map(timer -> ResponseEntity.ok(TimesheetDtos.timer(timer)))
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @Override
    public Mono<ResponseEntity<TimerDto>> startTimer(Mono<TimerInputDto> body, ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
                    TimerInputDto input = request.getT1();
                    String note = input.getNote() == null || input.getNote().isBlank() ? null : input.getNote().strip();
                    return timers.start(request.getT2(), new BrandId(input.getBrandId()),
                            new ActivityId(input.getActivityId()), input.getBillable() == null || input.getBillable(),
                            note);
                })
                .map(timer -> ResponseEntity.created(URI.create(TimersApi.PATH_GET_TIMER))
                        .body(TimesheetDtos.timer(timer)));
    }

    @Override
    public Mono<ResponseEntity<TimeEntryDto>> stopTimer(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> timers.stop(actor)
                .map(entry -> TimeEntriesController.created(TimesheetDtos.entry(actor, entry), entry)));
    }

    @Override
    public Mono<ResponseEntity<Void>> discardTimer(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(timers::discard)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
