package com.agencyhub.members.web;

import com.agencyhub.api.MeApi;
import com.agencyhub.api.model.AgencyMembershipDto;
import com.agencyhub.api.model.MeDto;
import com.agencyhub.api.model.MemberKindDto;
import com.agencyhub.api.model.RoleDto;
import com.agencyhub.api.model.TenantRefDto;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.tenancy.Agencies;
import com.agencyhub.tenancy.Agency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who the caller is (from the token), what they may do in the agency of this request and in which agencies. */
@RestController
class MeController implements MeApi {

    private final Agencies agencies;
    private final Members members;

    MeController(Agencies agencies, Members members) {
        this.agencies = agencies;
        this.members = members;
    }

    @Override
    public Mono<ResponseEntity<MeDto>> getMe(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> members.memberships(actor.userId())
                .flatMap(memberships -> agencies.named(memberships.stream().map(Members.Membership::agency).toList())
                        .map(named -> {
                            Map<TenantId, Agency> byId = named.stream()
                                    .collect(Collectors.toMap(Agency::id, Function.identity()));
                            TenantRefDto current = actor.tenant().map(byId::get).map(MeController::ref).orElse(null);
                            List<AgencyMembershipDto> all = memberships.stream()
                                    .filter(membership -> byId.containsKey(membership.agency()))
                                    .map(membership -> new AgencyMembershipDto(ref(byId.get(membership.agency())),
                                            MemberKindDto.fromValue(membership.kind().value()),
                                            roles(membership.roles())))
                                    .sorted(Comparator.comparing((AgencyMembershipDto m) -> m.getAgency().getName())
                                            .thenComparing(m -> m.getAgency().getId()))
                                    .toList();
                            return ResponseEntity.ok(me(actor, current, all));
                        })));
    }

    private static MeDto me(Actor actor, TenantRefDto tenant, List<AgencyMembershipDto> memberships) {
        return new MeDto(actor.userId().value(), actor.username(), actor.displayName(), actor.email(), tenant,
                roles(actor.roles()), MemberDtos.ids(actor.brandScope()), MemberDtos.ids(actor.approvalScope()),
                memberships);
    }

    private static TenantRefDto ref(Agency agency) {
        return new TenantRefDto(agency.id().value(), agency.name(), agency.slug());
    }

    private static Set<RoleDto> roles(Collection<Role> roles) {
        return roles.stream().sorted().map(role -> RoleDto.fromValue(role.claimValue()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
