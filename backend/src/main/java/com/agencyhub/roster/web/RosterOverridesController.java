package com.agencyhub.roster.web;

import com.agencyhub.api.RosterOverridesApi;
import com.agencyhub.api.model.RosterOverrideDto;
import com.agencyhub.api.model.RosterOverrideInputDto;
import com.agencyhub.api.model.RosterOverridePageDto;
import com.agencyhub.api.model.RosterSwapDto;
import com.agencyhub.api.model.RosterSwapInputDto;
import com.agencyhub.api.model.RosterSwapShiftDto;
import com.agencyhub.roster.Interval;
import com.agencyhub.roster.OverrideId;
import com.agencyhub.roster.Overrides;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@RestController
class RosterOverridesController implements RosterOverridesApi {

    /** The longest override: longer changes belong in a rotation. */
    static final Duration LONGEST = Duration.ofDays(31);

    private final Overrides overrides;

    RosterOverridesController(Overrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public Mono<ResponseEntity<RosterOverridePageDto>> listRosterOverrides(OffsetDateTime from, OffsetDateTime to,
                                                                           UUID memberId, UUID brandId, Integer limit,
                                                                           String cursor, ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        Instant start = from == null ? Instant.now() : from.toInstant();
        Instant end = to == null ? null : to.toInstant();
        Inputs.range(start, end);
        return CurrentActor.get().flatMap(actor -> overrides.list(actor, start, end,
                        memberId == null ? null : new UserId(memberId), brandId == null ? null : new BrandId(brandId),
                        pageSize, cursor))
                .map(page -> ResponseEntity.ok(new RosterOverridePageDto(page.map(RosterDtos::override).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<RosterOverrideDto>> createRosterOverride(Mono<RosterOverrideInputDto> body,
                                                                       ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
                    RosterOverrideInputDto input = request.getT1();
                    Interval stretch = RosterRequests.stretch("to", input.getFrom(), input.getTo(), LONGEST);
                    return overrides.create(request.getT2(), new Overrides.Shift(new UserId(input.getMemberId()),
                                    stretch.from(), stretch.to()), RosterRequests.brands("brandIds", input.getBrandIds()),
                            RosterRequests.note(input.getNote()));
                })
                .map(created -> ResponseEntity.created(location(created.id()))
                        .body(RosterDtos.override(created)));
    }

    @Override
    public Mono<ResponseEntity<RosterSwapDto>> createRosterSwap(Mono<RosterSwapInputDto> body,
                                                               ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get()).flatMap(request -> {
                    RosterSwapInputDto input = request.getT1();
                    return overrides.swap(request.getT2(), shift("first", input.getFirst()),
                            shift("second", input.getSecond()), RosterRequests.brands("brandIds", input.getBrandIds()),
                            RosterRequests.note(input.getNote()));
                })
                .map(pair -> ResponseEntity.created(location(pair.get(0).id()))
                        .body(new RosterSwapDto(pair.get(0).swapId(), pair.stream().map(RosterDtos::override)
                                .toList())));
    }

    @Override
    public Mono<ResponseEntity<RosterOverrideDto>> getRosterOverride(UUID overrideId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> overrides.get(actor, new OverrideId(overrideId)))
                .map(override -> ResponseEntity.ok(RosterDtos.override(override)));
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteRosterOverride(UUID overrideId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> overrides.delete(actor, new OverrideId(overrideId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    private static Overrides.Shift shift(String field, RosterSwapShiftDto shift) {
        Interval stretch = RosterRequests.stretch(field + ".to", shift.getFrom(), shift.getTo(), LONGEST);
        return new Overrides.Shift(new UserId(shift.getMemberId()), stretch.from(), stretch.to());
    }

    private static URI location(OverrideId id) {
        return URI.create(RosterOverridesApi.PATH_GET_ROSTER_OVERRIDE.replace("{overrideId}", id.toString()));
    }
}
