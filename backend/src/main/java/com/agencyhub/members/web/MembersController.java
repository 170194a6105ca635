package com.agencyhub.members.web;

import com.agencyhub.api.MembersApi;
import com.agencyhub.api.model.BrandScopeDto;
import com.agencyhub.api.model.ClientUserInviteDto;
import com.agencyhub.api.model.MemberDto;
import com.agencyhub.api.model.MemberKindDto;
import com.agencyhub.api.model.MemberPageDto;
import com.agencyhub.api.model.MemberStatusDto;
import com.agencyhub.api.model.MemberUpdateDto;
import com.agencyhub.api.model.StaffInviteDto;
import com.agencyhub.audit.AuditActor;
import com.agencyhub.members.ClientBrandScope;
import com.agencyhub.members.Invitation;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberChanges;
import com.agencyhub.members.MemberKind;
import com.agencyhub.members.MemberStatus;
import com.agencyhub.members.Members;
import com.agencyhub.members.StaffProfile;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.shared.web.WeeklyWindowInputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff and client users of the caller's agency. Path rules in the security configuration admit the roles;
 * here the finer rules: social-media managers see staff only, managers may invite client users only.
 */
@RestController
class MembersController implements MembersApi {

    private final Members members;

    MembersController(Members members) {
        this.members = members;
    }

    @Override
    public Mono<ResponseEntity<MemberPageDto>> listMembers(MemberKindDto kind, MemberStatusDto status, Integer limit,
                                                           String cursor, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> {
            MemberKind visibleKind = seesClientUsers(actor) ? kind(kind) : MemberKind.STAFF;
            if (kind != null && kind(kind) != visibleKind) {
                return Mono.just(ResponseEntity.ok(new MemberPageDto(List.of(), null)));
            }
            return members.list(actor.requireTenant(), visibleKind,
                            status == null ? null : MemberStatus.of(status.getValue()), Inputs.limit(limit), cursor)
                    .map(page -> ResponseEntity.ok(new MemberPageDto(page.map(MemberDtos::of).items(),
                            page.nextCursor())));
        });
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> getMember(UUID memberId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> members.get(actor.requireTenant(), new UserId(memberId))
                        .filter(member -> member.kind() == MemberKind.STAFF || seesClientUsers(actor)))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The member")))
                .map(MemberDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> inviteStaffMember(Mono<StaffInviteDto> body, ServerWebExchange exchange) {
        return body.map(MembersController::staffInvitation)
                .zipWith(CurrentActor.get())
                .flatMap(request -> members.invite(request.getT2(), request.getT1()))
                .map(MembersController::invited);
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> inviteClientUser(Mono<ClientUserInviteDto> body,
                                                            ServerWebExchange exchange) {
        return body.map(dto -> Invitation.client(dto.getEmail(), dto.getFirstName().strip(),
                        dto.getLastName().strip(), scope(dto.getBrandIds(), dto.getApproverBrandIds())))
                .zipWith(CurrentActor.get())
                .flatMap(request -> members.invite(request.getT2(), request.getT1()))
                .map(MembersController::invited);
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> updateMember(UUID memberId, String ifMatch, Mono<MemberUpdateDto> body,
                                                        ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(MembersController::changes)
                .zipWith(CurrentActor.get())
                .flatMap(request -> members.update(request.getT2().requireTenant(), AuditActor.of(request.getT2()),
                        new UserId(memberId), expectedVersion, request.getT1()))
                .map(MemberDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> deactivateMember(UUID memberId, ServerWebExchange exchange) {
        return CurrentActor.get()
                .flatMap(actor -> members.deactivate(actor.requireTenant(), AuditActor.of(actor), new UserId(memberId)))
                .map(MemberDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> reactivateMember(UUID memberId, ServerWebExchange exchange) {
        return CurrentActor.get()
                .flatMap(actor -> members.reactivate(actor.requireTenant(), AuditActor.of(actor), new UserId(memberId)))
                .map(MemberDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<Void>> resendInvitation(UUID memberId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> members.get(actor.requireTenant(), new UserId(memberId))
                        .flatMap(member -> {
                            if (!actor.has(Role.AGENCY_ADMIN) && member.kind() != MemberKind.CLIENT) {
                                return Mono.error(ApiProblem.forbidden(
                                        "Agency managers may send invitations to client users only."));
                            }
                            return members.resendInvitation(actor.requireTenant(), AuditActor.of(actor), member.id());
                        }))
                .map(member -> ResponseEntity.accepted().<Void>build());
    }

    @Override
    public Mono<ResponseEntity<MemberDto>> replaceClientBrandScope(UUID memberId, Mono<BrandScopeDto> body,
                                                                   ServerWebExchange exchange) {
        return body.map(dto -> scope(dto.getBrandIds(), dto.getApproverBrandIds()))
                .zipWith(CurrentActor.get())
                .flatMap(request -> members.replaceBrandScope(request.getT2(), new UserId(memberId),
                        request.getT1()))
                .map(MemberDtos::ok);
    }

    private static boolean seesClientUsers(Actor actor) {
        return actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
    }

    private static MemberKind kind(MemberKindDto kind) {
        return kind == null ? null : MemberKind.of(kind.getValue());
    }

    private static ResponseEntity<MemberDto> invited(Members.Outcome outcome) {
        Member member = outcome.member();
        ResponseEntity.BodyBuilder response = outcome.created()
                ? ResponseEntity.created(URI.create(PATH_GET_MEMBER.replace("{memberId}", member.id().toString())))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(member.version())).body(MemberDtos.of(member));
    }

    private static Invitation staffInvitation(StaffInviteDto dto) {
        StaffProfile profile = new StaffProfile(Inputs.zone("homeZone", dto.getHomeZone()),
                orEmpty(dto.getPlatforms()), languages(dto.getLanguages()), dto.getWeeklyCapacityHours(),
                MemberDtos.rules(dto.getWorkingTimeRules()),
                dto.getWorkingHours() == null ? List.of() : WeeklyWindowInputs.of("workingHours", dto.getWorkingHours()));
        return Invitation.staff(dto.getEmail(), dto.getFirstName().strip(), dto.getLastName().strip(),
                MemberDtos.roles(dto.getRoles()), profile);
    }

    private static MemberChanges changes(MemberUpdateDto dto) {
        if (dto.getDisplayName() == null && dto.getRoles() == null && dto.getHomeZone() == null
                && dto.getPlatforms() == null && dto.getLanguages() == null && dto.getWeeklyCapacityHours() == null
                && dto.getWorkingTimeRules() == null && dto.getWorkingHours() == null) {
            throw ApiProblem.badRequest("Send at least one property to change.");
        }
        if (dto.getDisplayName() != null && dto.getDisplayName().isBlank()) {
            throw ApiProblem.invalidField("displayName", "must not be blank", "blank");
        }
        return new MemberChanges(dto.getDisplayName() == null ? null : dto.getDisplayName().strip(),
                dto.getRoles() == null ? null : MemberDtos.roles(dto.getRoles()),
                dto.getHomeZone() == null ? null : Inputs.zone("homeZone", dto.getHomeZone()),
                dto.getPlatforms(), dto.getLanguages() == null ? null : languages(dto.getLanguages()),
                dto.getWeeklyCapacityHours(), MemberDtos.rules(dto.getWorkingTimeRules()),
                WeeklyWindowInputs.of("workingHours", dto.getWorkingHours()));
    }

    private static Set<String> languages(Collection<String> tags) {
        return tags == null ? Set.of() : tags.stream().map(tag -> Inputs.locale("languages", tag))
                .collect(Collectors.toSet());
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    private static ClientBrandScope scope(Collection<UUID> brands, Collection<UUID> approvals) {
        return new ClientBrandScope(ids(brands), approvals == null ? Set.of() : ids(approvals));
    }

    private static Set<BrandId> ids(Collection<UUID> ids) {
        return ids.stream().map(BrandId::new).collect(Collectors.toSet());
    }
}
