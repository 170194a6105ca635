package com.agencyhub.roster.web;

import com.agencyhub.api.RosterRotationsApi;
import com.agencyhub.api.model.RosterRotationDto;
import com.agencyhub.api.model.RosterRotationInputDto;
import com.agencyhub.api.model.RosterRotationPageDto;
import com.agencyhub.roster.RotationId;
import com.agencyhub.roster.Rotations;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.shared.web.WeeklyWindowInputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

@RestController
class RosterRotationsController implements RosterRotationsApi {

    private final Rotations rotations;

    RosterRotationsController(Rotations rotations) {
        this.rotations = rotations;
    }

    @Override
    public Mono<ResponseEntity<RosterRotationPageDto>> listRosterRotations(UUID brandId, Integer limit, String cursor,
                                                                           ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get().flatMap(actor -> rotations.list(actor, brandId == null ? null : new BrandId(brandId),
                        pageSize, cursor))
                .map(page -> ResponseEntity.ok(new RosterRotationPageDto(page.map(RosterDtos::rotation).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<RosterRotationDto>> createRosterRotation(Mono<RosterRotationInputDto> body,
                                                                       ServerWebExchange exchange) {
        return body.map(RosterRotationsController::definition).zipWith(CurrentActor.get())
                .flatMap(request -> rotations.create(request.getT2(), request.getT1()))
                .map(created -> ResponseEntity.created(URI.create(RosterRotationsApi.PATH_GET_ROSTER_ROTATION
                                .replace("{rotationId}", created.id().toString())))
                        .eTag(ETags.of(created.version())).body(RosterDtos.rotation(created)));
    }

    @Override
    public Mono<ResponseEntity<RosterRotationDto>> getRosterRotation(UUID rotationId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> rotations.get(actor, new RotationId(rotationId)))
                .map(rotation -> ResponseEntity.ok().eTag(ETags.of(rotation.version()))
                        .body(RosterDtos.rotation(rotation)));
    }

    @Override
    public Mono<ResponseEntity<RosterRotationDto>> replaceRosterRotation(UUID rotationId, String ifMatch,
                                                                        Mono<RosterRotationInputDto> body,
                                                                        ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(RosterRotationsController::definition).zipWith(CurrentActor.get())
                .flatMap(request -> rotations.replace(request.getT2(), new RotationId(rotationId), expectedVersion,
                        request.getT1()))
                .map(rotation -> ResponseEntity.ok().eTag(ETags.of(rotation.version()))
                        .body(RosterDtos.rotation(rotation)));
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteRosterRotation(UUID rotationId, String ifMatch,
                                                           ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> rotations.delete(actor, new RotationId(rotationId),
                        expectedVersion))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    private static Rotations.Definition definition(RosterRotationInputDto input) {
        if (input.getName().isBlank()) {
            throw ApiProblem.invalidField("name", "must not be blank", "blank");
        }
        return new Rotations.Definition(input.getName().strip(), input.getPriority(),
                RosterRequests.members("memberIds", input.getMemberIds()), input.getLengthDays(),
                LocalTime.parse(input.getHandoffTime()), input.getStartDate(), Inputs.zone("zone", input.getZone()),
                input.getRestriction() == null ? List.of()
                        : WeeklyWindowInputs.of("restriction", input.getRestriction()),
                RosterRequests.brands("brandIds", input.getBrandIds()));
    }
}
