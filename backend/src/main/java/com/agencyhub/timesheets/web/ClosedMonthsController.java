package com.agencyhub.timesheets.web;

import com.agencyhub.api.ClosedMonthsApi;
import com.agencyhub.api.model.ClosedMonthDto;
import com.agencyhub.api.model.ClosedMonthInputDto;
import com.agencyhub.api.model.ClosedMonthListDto;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.timesheets.MonthCloses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.YearMonth;

@RestController
class ClosedMonthsController implements ClosedMonthsApi {

    private final MonthCloses months;

    ClosedMonthsController(MonthCloses months) {
        this.months = months;
    }

    @Override
    public Mono<ResponseEntity<ClosedMonthListDto>> listClosedMonths(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> months.list(actor.requireTenant()))
                .map(closes -> ResponseEntity.ok(new ClosedMonthListDto(closes.stream()
                        .map(TimesheetDtos::closedMonth).toList())));
    }

    @Override
    public Mono<ResponseEntity<ClosedMonthDto>> closeMonth(Mono<ClosedMonthInputDto> body,
                                                           ServerWebExchange exchange) {
        // the contract's pattern admits only YYYY-MM with a month from 01 to 12
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> months.close(request.getT2(), YearMonth.parse(request.getT1().getMonth())))
                .map(closed -> ResponseEntity.created(URI.create(ClosedMonthsApi.PATH_LIST_CLOSED_MONTHS))
                        .body(TimesheetDtos.closedMonth(closed)));
    }
}
