package com.agencyhub.timesheets.web;

import com.agencyhub.api.DutyBillingApi;
import com.agencyhub.api.model.DutyBillingDto;
import com.agencyhub.api.model.DutyBillingInputDto;
import com.agencyhub.api.model.DutyBookingInputDto;
import com.agencyhub.api.model.DutyBookingResultDto;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.timesheets.DutyBillings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
class DutyBillingController implements DutyBillingApi {

    private final DutyBillings dutyBillings;

    DutyBillingController(DutyBillings dutyBillings) {
        this.dutyBillings = dutyBillings;
    }

    @Override
    public Mono<ResponseEntity<DutyBillingDto>> getDutyBilling(UUID brandId, ServerWebExchange exchange) {
        BrandId brand = new BrandId(brandId);
        return CurrentActor.get().flatMap(actor -> dutyBillings.get(actor, brand))
                .map(setting -> ResponseEntity.ok(TimesheetDtos.dutyBilling(brand, setting.orElse(null))));
    }

    @Override
    public Mono<ResponseEntity<DutyBillingDto>> replaceDutyBilling(UUID brandId, Mono<DutyBillingInputDto> body,
                                                                   ServerWebExchange exchange) {
        BrandId brand = new BrandId(brandId);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> dutyBillings.enable(request.getT2(), brand,
                        new ActivityId(request.getT1().getActivityId())))
                .map(setting -> ResponseEntity.ok(TimesheetDtos.dutyBilling(brand, setting)));
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteDutyBilling(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> dutyBillings.disable(actor, new BrandId(brandId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Override
    public Mono<ResponseEntity<DutyBookingResultDto>> bookDuty(UUID brandId, Mono<DutyBookingInputDto> body,
                                                               ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> dutyBillings.book(request.getT2(), new BrandId(brandId),
                                Inputs.plausible("from", request.getT1().getFrom()),
                                Inputs.plausible("to", request.getT1().getTo()))
                        .map(result -> ResponseEntity.ok(TimesheetDtos.dutyBooking(request.getT2(), result))));
    }
}
