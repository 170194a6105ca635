package com.agencyhub.pricing.web;

import com.agencyhub.api.RatesApi;
import com.agencyhub.api.model.PricingSettingsDto;
import com.agencyhub.api.model.PricingSettingsInputDto;
import com.agencyhub.api.model.RateDto;
import com.agencyhub.api.model.RateInputDto;
import com.agencyhub.api.model.RateListDto;
import com.agencyhub.api.model.RateResolutionDto;
import com.agencyhub.api.model.RateUpdateDto;
import com.agencyhub.api.model.SurchargesDto;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.AgencyPricing;
import com.agencyhub.pricing.PricingSettings;
import com.agencyhub.pricing.RateDimensions;
import com.agencyhub.pricing.RateId;
import com.agencyhub.pricing.Rates;
import com.agencyhub.pricing.SurchargePercents;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
class RatesController implements RatesApi {

    private final Rates rates;
    private final AgencyPricing agencyPricing;

    RatesController(Rates rates, AgencyPricing agencyPricing) {
        this.rates = rates;
        this.agencyPricing = agencyPricing;
    }

    @Override
    public Mono<ResponseEntity<RateListDto>> listRates(UUID brandId, UUID activityId, UUID memberId,
                                                       ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> rates.list(actor, dimensions(brandId, activityId, memberId)))
                .map(list -> ResponseEntity.ok(new RateListDto(list.stream().map(PricingDtos::rate).toList())));
    }

    @Override
    public Mono<ResponseEntity<RateDto>> createRate(Mono<RateInputDto> body, ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    RateInputDto input = request.getT1();
                    return rates.create(request.getT2(), dimensions(input.getBrandId(), input.getActivityId(),
                                    input.getMemberId()), PricingRequests.rate("billRate", input.getBillRate()),
                            PricingRequests.rate("costRate", input.getCostRate()));
                })
                .map(created -> ResponseEntity.created(URI.create(RatesApi.PATH_GET_RATE
                                .replace("{rateId}", created.id().toString())))
                        .eTag(ETags.of(created.version())).body(PricingDtos.rate(created)));
    }

    @Override
    public Mono<ResponseEntity<RateResolutionDto>> resolveRates(UUID brandId, UUID activityId, UUID memberId,
                                                                ServerWebExchange exchange) {
        RateDimensions work = dimensions(brandId, activityId, memberId);
        return CurrentActor.get().flatMap(actor -> rates.resolve(actor, work))
                .map(resolved -> ResponseEntity.ok(PricingDtos.resolution(work, resolved)));
    }

    @Override
    public Mono<ResponseEntity<RateDto>> getRate(UUID rateId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> rates.get(actor, new RateId(rateId)))
                .map(rate -> ResponseEntity.ok().eTag(ETags.of(rate.version())).body(PricingDtos.rate(rate)));
    }

    @Override
    public Mono<ResponseEntity<RateDto>> updateRate(UUID rateId, String ifMatch, Mono<RateUpdateDto> body,
                                                   ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    RateUpdateDto update = request.getT1();
                    PricingRequests.requireSomething(update.equals(new RateUpdateDto()));
                    return rates.update(request.getT2(), new RateId(rateId), expectedVersion,
                            PricingRequests.change("billRate", update.getBillRate()),
                            PricingRequests.change("costRate", update.getCostRate()));
                })
                .map(rate -> ResponseEntity.ok().eTag(ETags.of(rate.version())).body(PricingDtos.rate(rate)));
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteRate(UUID rateId, String ifMatch, ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> rates.delete(actor, new RateId(rateId), expectedVersion))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Override
    public Mono<ResponseEntity<SurchargesDto>> getSurcharges(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(agencyPricing::surcharges)
                .map(percents -> ResponseEntity.ok(PricingDtos.surcharges(percents)));
    }

    @Override
    public Mono<ResponseEntity<SurchargesDto>> replaceSurcharges(Mono<SurchargesDto> body,
                                                                 ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> {
                    SurchargesDto input = request.getT1();
                    return agencyPricing.replaceSurcharges(request.getT2(), new SurchargePercents(Map.of(
                            TimeClass.WEEKDAY_EVENING, PricingRequests.percent("weekdayEvening",
                                    input.getWeekdayEvening()),
                            TimeClass.NIGHT, PricingRequests.percent("night", input.getNight()),
                            TimeClass.WEEKEND, PricingRequests.percent("weekend", input.getWeekend()),
                            TimeClass.HOLIDAY, PricingRequests.percent("holiday", input.getHoliday()))));
                })
                .map(percents -> ResponseEntity.ok(PricingDtos.surcharges(percents)));
    }

    @Override
    public Mono<ResponseEntity<PricingSettingsDto>> getPricingSettings(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(agencyPricing::settings).map(RatesController::settings);
    }

    @Override
    public Mono<ResponseEntity<PricingSettingsDto>> replacePricingSettings(String ifMatch,
                                                                           Mono<PricingSettingsInputDto> body,
                                                                           ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> agencyPricing.replaceSettings(request.getT2(), expectedVersion,
                        request.getT1().getCurrency()))
                .map(RatesController::settings);
    }

    private static ResponseEntity<PricingSettingsDto> settings(PricingSettings settings) {
        return ResponseEntity.ok().eTag(ETags.of(settings.version()))
                .body(new PricingSettingsDto(settings.currency(), settings.version()));
    }

    private static RateDimensions dimensions(UUID brandId, UUID activityId, UUID memberId) {
        return new RateDimensions(brandId == null ? null : new BrandId(brandId),
                activityId == null ? null : new ActivityId(activityId), memberId == null ? null : new UserId(memberId));
    }
}
