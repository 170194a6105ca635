package com.agencyhub.members.web;

import com.agencyhub.api.BrandTeamsApi;
import com.agencyhub.api.model.BrandAssignmentDto;
import com.agencyhub.api.model.BrandTeamDto;
import com.agencyhub.api.model.BrandTeamUpdateDto;
import com.agencyhub.api.model.ResponsibilityDto;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.Responsibility;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/** A brand's team: staff and client users in scope read it, admins and managers set it (see security). */
@RestController
class BrandTeamController implements BrandTeamsApi {

    private final BrandTeams teams;

    BrandTeamController(BrandTeams teams) {
        this.teams = teams;
    }

    @Override
    public Mono<ResponseEntity<BrandTeamDto>> getBrandTeam(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> teams.team(actor, new BrandId(brandId)))
                .map(team -> ResponseEntity.ok(dto(brandId, team)));
    }

    @Override
    public Mono<ResponseEntity<BrandTeamDto>> replaceBrandTeam(UUID brandId, Mono<BrandTeamUpdateDto> body,
                                                               ServerWebExchange exchange) {
        return body.map(dto -> dto.getAssignments().stream()
                        .map(a -> new BrandAssignment(new UserId(a.getMemberId()), null,
                                Responsibility.of(a.getResponsibility().getValue())))
                        .toList())
                .zipWith(CurrentActor.get())
                .flatMap(request -> teams.replace(request.getT2(), new BrandId(brandId), request.getT1()))
                .map(team -> ResponseEntity.ok(dto(brandId, team)));
    }

    private static BrandTeamDto dto(UUID brandId, List<BrandAssignment> team) {
        return new BrandTeamDto(brandId, team.stream()
                .map(a -> new BrandAssignmentDto(a.member().value(), a.displayName(),
                        ResponsibilityDto.fromValue(a.responsibility().value())))
                .toList());
    }
}
