package com.agencyhub.members.web;

import com.agencyhub.api.MeApi;
import com.agencyhub.api.model.MeDto;
import com.agencyhub.api.model.RoleDto;
import com.agencyhub.api.model.TenantRefDto;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.tenancy.Agencies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who the caller is: identity and roles from the token, the agency from our records. */
@RestController
class MeController implements MeApi {

    private final Agencies agencies;

    MeController(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public Mono<ResponseEntity<MeDto>> getMe(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> actor.tenant()
                .map(tenant -> agencies.own(tenant).map(agency -> Optional.of(
                        new TenantRefDto(agency.id().value(), agency.name(), agency.slug()))))
                .orElse(Mono.just(Optional.empty()))
                .map(tenant -> ResponseEntity.ok(me(actor, tenant.orElse(null)))));
    }

    private static MeDto me(Actor actor, TenantRefDto tenant) {
        Set<RoleDto> roles = actor.roles().stream().map(role -> RoleDto.fromValue(role.claimValue()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Set<UUID> brandScope = actor.brandScope().stream().map(BrandId::value)
                .collect(Collectors.toCollection(TreeSet::new));
        return new MeDto(actor.userId().value(), actor.username(), actor.displayName(), actor.email(), tenant, roles,
                brandScope);
    }
}
