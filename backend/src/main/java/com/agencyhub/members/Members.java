package com.agencyhub.members;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.members.internal.MemberRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.identity.IdentityDirectory;
import com.agencyhub.shared.identity.IdentityProviderException;
import com.agencyhub.shared.identity.NewUser;
import com.agencyhub.shared.identity.UserRef;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The people of an agency. Keycloak holds their accounts and organization membership; we hold what they may do
 * here (roles, status, a client user's brand scope) and their profile. Nothing done for one agency changes what a
 * person may do in another. Changes that touch both sides run the Keycloak calls inside the database transaction,
 * so a Keycloak failure rolls our side back, and undo the Keycloak side when our transaction fails.
 */
@Service
public class Members {

    private static final Logger log = LoggerFactory.getLogger(Members.class);

    private final MemberRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final IdentityDirectory identity;
    private final MembersProperties properties;
    private final Brands brands;

    public Members(MemberRepository repository, Transactions transactions, AuditLog audit, IdentityDirectory identity,
                   MembersProperties properties, Brands brands) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.identity = identity;
        this.properties = properties;
        this.brands = brands;
    }

    public record Outcome(Member member, boolean created) {
    }

    /** A person's active membership in one agency. */
    public record Membership(TenantId agency, MemberKind kind, Set<Role> roles) {
    }

    public Mono<Page<Member>> list(TenantId tenant, MemberKind kind, MemberStatus status, int limit, String cursor) {
        return transactions.inTenant(tenant, sql -> repository.list(sql, tenant, kind, status, limit, cursor));
    }

    public Mono<Member> get(TenantId tenant, UserId id) {
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant, id))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The member")));
    }

    /** Every agency in which the person is an active (or invited) member, across agencies. */
    public Mono<List<Membership>> memberships(UserId person) {
        return transactions.asPlatform(sql -> repository.memberships(sql, person).collectList());
    }

    /** Those of {@code ids} who are invited or active staff of the agency. */
    public Mono<Set<UserId>> currentStaff(TenantId tenant, Collection<UserId> ids) {
        return currentStaffMembers(tenant, ids).map(staff -> staff.stream().map(Member::id)
                .collect(Collectors.toSet()));
    }

    /** The members among {@code ids} who are invited or active staff of the agency, with their profiles; one query. */
    public Mono<List<Member>> currentStaffMembers(TenantId tenant, Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return transactions.inTenant(tenant, sql -> repository.findMany(sql, tenant, Set.copyOf(ids))
                .filter(Member::isCurrentStaff)
                .collectList());
    }

    /** Those of the e-mail addresses (any case) that belong to invited or active staff of the agency, lower-cased. */
    public Mono<Map<String, UserId>> currentStaffByEmail(TenantId tenant, Collection<String> emails) {
        return transactions.inTenant(tenant, sql -> Flux.fromIterable(emails.stream()
                        .map(email -> email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()))
                .concatMap(email -> repository.findByEmail(sql, tenant, email))
                .filter(Member::isCurrentStaff)
                .collectMap(Member::email, Member::id));
    }

    /** The e-mail addresses of the agency's members among {@code ids}, whatever their status. */
    public Mono<Map<UserId, String>> emails(TenantId tenant, Collection<UserId> ids) {
        return contacts(tenant, ids).map(contacts -> contacts.values().stream()
                .collect(Collectors.toMap(MemberContact::id, MemberContact::email)));
    }

    /** Name and e-mail address of the agency's members among {@code ids}, whatever their status; one query. */
    public Mono<Map<UserId, MemberContact>> contacts(TenantId tenant, Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return transactions.inTenant(tenant, sql -> repository.contacts(sql, tenant, Set.copyOf(ids))
                .collectMap(MemberContact::id));
    }

    /** The agency's invited or active staff who hold the role (the managers an escalation ends with), by name. */
    public Mono<List<MemberContact>> currentStaffWithRole(TenantId tenant, Role role) {
        return transactions.inTenant(tenant, sql -> repository.currentStaffWithRole(sql, tenant, role.claimValue())
                .collectList());
    }

    /**
     * Invites a person, idempotent on the e-mail address: an invited or active member of the same kind is
     * answered unchanged. New accounts get Keycloak's set-password e-mail. All or nothing: the details are checked
     * before the first Keycloak call, and whatever Keycloak did for a failed invitation is undone.
     */
    public Mono<Outcome> invite(Actor caller, Invitation invitation) {
        TenantId tenant = caller.requireTenant();
        AuditActor actor = AuditActor.of(caller);
        return invitation.validate()
                .then(existing(tenant, invitation))
                .switchIfEmpty(Mono.defer(() -> requireBrands(caller, invitation.brandScope().brands())
                        .then(create(tenant, actor, invitation))))
                // a concurrent identical invitation stored the member first
                .onErrorResume(SqlErrors::isUniqueViolation, raced -> existing(tenant, invitation)
                        .switchIfEmpty(Mono.error(raced)));
    }

    private Mono<Outcome> existing(TenantId tenant, Invitation invitation) {
        return transactions.inTenant(tenant, sql -> repository.findByEmail(sql, tenant, invitation.email()))
                .flatMap(member -> {
                    if (member.kind() != invitation.kind()) {
                        return Mono.error(ApiProblem.conflict(invitation.email() + " is already a "
                                + member.kind().value() + " member of this agency."));
                    }
                    if (member.status() == MemberStatus.DEACTIVATED) {
                        return Mono.error(ApiProblem.conflict(invitation.email()
                                + " was deactivated; reactivate the member instead of inviting again."));
                    }
                    return Mono.just(new Outcome(member, false));
                });
    }

    /**
     * Keycloak account, member row, organization membership and e-mail in one database transaction; the e-mail goes
     * last, so every step that can fail on our side has run before it.
     */
    private Mono<Outcome> create(TenantId tenant, AuditActor actor, Invitation invitation) {
        NewUser account = new NewUser(invitation.email(), invitation.firstName(), invitation.lastName(),
                invitation.initialPassword(), invitation.initialPassword().isPresent());
        return identity.ensureUser(account)
                .flatMap(user -> {
                    AtomicBoolean membershipAdded = new AtomicBoolean();
                    UserId id = new UserId(UUID.fromString(user.id()));
                    return transactions.inTenant(tenant, sql -> store(sql, tenant, actor, invitation, id)
                                    .flatMap(member -> identity.addMember(organization(tenant), user.id())
                                            .doOnNext(membershipAdded::set)
                                            .then(sendInvitationIfNew(user, invitation))
                                            .thenReturn(member)))
                            .onErrorResume(failure -> SqlErrors.isUniqueViolation(failure) ? Mono.error(failure)
                                    : undo(tenant, user, membershipAdded.get()).then(Mono.error(failure)));
                })
                .onErrorMap(IdentityProviderException.class, ApiProblem::of)
                .map(member -> new Outcome(member, true));
    }

    /** Takes back what a failed invitation did in Keycloak: the membership it added, the account it created. */
    private Mono<Void> undo(TenantId tenant, UserRef user, boolean membershipAdded) {
        Mono<Void> undo = user.created() ? identity.deleteUser(user.id())
                : membershipAdded ? identity.removeMember(organization(tenant), user.id()) : Mono.empty();
        return undo.onErrorResume(failure -> {
            log.error("Could not undo the identity-provider side of a failed invitation of user {}", user.id(), failure);
            return Mono.empty();
        });
    }

    private Mono<Void> sendInvitationIfNew(UserRef user, Invitation invitation) {
        return user.created() && invitation.initialPassword().isEmpty()
                ? sendInvitation(new UserId(UUID.fromString(user.id())))
                : Mono.empty();
    }

    Mono<Void> sendInvitation(UserId user) {
        return identity.sendInvitation(user.toString(), properties.invitationRedirect());
    }

    Mono<Member> store(DSLContext sql, TenantId tenant, AuditActor actor, Invitation invitation, UserId user) {
        Mono<Member> inserted = repository.insert(sql, tenant, user, invitation.kind(), invitation.email(),
                invitation.displayName(), invitation.roles(), invitation.profile());
        if (invitation.kind() == MemberKind.CLIENT) {
            inserted = inserted.flatMap(member -> repository.replaceBrandScope(sql, tenant, user,
                    invitation.brandScope()).then(repository.find(sql, tenant, user)));
        }
        return inserted.flatMap(member -> audit.record(sql, tenant, actor,
                        new AuditEntry("member.invited", "member", user.value(), null, member.snapshot()))
                .thenReturn(member));
    }

    /** Changes a member if it still has {@code expectedVersion} (else 412); roles change in this agency only. */
    public Mono<Member> update(TenantId tenant, AuditActor actor, UserId id, int expectedVersion,
                              MemberChanges changes) {
        return change(tenant, id, (sql, current) -> {
            if (current.version() != expectedVersion) {
                return Mono.error(ApiProblem.preconditionFailed());
            }
            if (current.kind() == MemberKind.CLIENT && changes.touchesStaffProfile()) {
                return Mono.error(ApiProblem.badRequest(
                        "A client user has no roles, home zone or working time to change; send displayName only."));
            }
            Member changed = changes.applyTo(current);
            return requireAnotherAdminIfDemoted(sql, tenant, current, changed)
                    .then(save(sql, tenant, actor, "member.updated", current, changed));
        });
    }

    /** Takes away the member's access (Keycloak membership, and at once through our records); keeps history. */
    public Mono<Member> deactivate(TenantId tenant, AuditActor actor, UserId id) {
        return change(tenant, id, (sql, current) -> {
            if (current.status() == MemberStatus.DEACTIVATED) {
                return Mono.just(current);
            }
            Member changed = withStatus(current, MemberStatus.DEACTIVATED, Instant.now());
            return requireAnotherAdminIfDemoted(sql, tenant, current, changed)
                    .then(save(sql, tenant, actor, "member.deactivated", current, changed))
                    .flatMap(updated -> identity.removeMember(organization(tenant), id.toString()).thenReturn(updated));
        });
    }

    public Mono<Member> reactivate(TenantId tenant, AuditActor actor, UserId id) {
        return change(tenant, id, (sql, current) -> {
            if (current.status() != MemberStatus.DEACTIVATED) {
                return Mono.just(current);
            }
            return save(sql, tenant, actor, "member.reactivated", current,
                    withStatus(current, MemberStatus.ACTIVE, null))
                    .flatMap(updated -> identity.addMember(organization(tenant), id.toString()).thenReturn(updated));
        });
    }

    /** Keycloak sends the set-password e-mail again; only while the member has not signed in. */
    public Mono<Member> resendInvitation(TenantId tenant, AuditActor actor, UserId id) {
        return change(tenant, id, (sql, current) -> {
            if (current.status() != MemberStatus.INVITED) {
                return Mono.error(ApiProblem.conflict("Only invited members get the invitation again; this one is "
                        + current.status().value() + "."));
            }
            return audit.record(sql, tenant, actor, new AuditEntry("member.invitation-sent", "member", id.value(),
                            null, null))
                    .then(sendInvitation(id))
                    .thenReturn(current);
        });
    }

    /** Sets the brands a client user may see and approve; the next request of theirs already uses it. */
    public Mono<Member> replaceBrandScope(Actor caller, UserId id, ClientBrandScope scope) {
        TenantId tenant = caller.requireTenant();
        AuditActor actor = AuditActor.of(caller);
        return change(tenant, id, (sql, current) -> {
            if (current.kind() != MemberKind.CLIENT) {
                return Mono.error(ApiProblem.notFound("The client user"));
            }
            Member changed = new Member(current.id(), current.kind(), current.email(), current.displayName(),
                    current.roles(), current.status(), null, scope, current.invitedAt(), current.deactivatedAt(),
                    current.createdAt(), current.updatedAt(), current.version());
            return requireBrands(caller, scope.brands())
                    .then(repository.replaceBrandScope(sql, tenant, id, scope))
                    .then(save(sql, tenant, actor, "member.brand-scope-changed", current, changed));
        });
    }

    /** Client users may be given brands the caller sees and that are not offboarded. */
    private Mono<Void> requireBrands(Actor caller, Set<BrandId> brandIds) {
        return Flux.fromIterable(brandIds)
                .concatMap(id -> brands.find(caller, id)
                        .filter(brand -> brand.status() != BrandStatus.OFFBOARDED)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.invalidField("brandIds", "names " + id
                                + ", which is no brand of this agency or is offboarded", "unknown-brand"))))
                .then();
    }

    private interface Change {
        Mono<Member> apply(DSLContext sql, Member current);
    }

    private Mono<Member> change(TenantId tenant, UserId id, Change change) {
        return transactions.inTenant(tenant, sql -> repository.lock(sql, tenant, id)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The member")))
                        .flatMap(current -> change.apply(sql, current)))
                .onErrorMap(IdentityProviderException.class, ApiProblem::of);
    }

    private Mono<Member> save(DSLContext sql, TenantId tenant, AuditActor actor, String action, Member current,
                              Member changed) {
        return repository.update(sql, tenant, changed, current.version())
                .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                .flatMap(updated -> audit.record(sql, tenant, actor, new AuditEntry(action, "member",
                        current.id().value(), current.snapshot(), updated.snapshot())).thenReturn(updated));
    }

    private Mono<Void> requireAnotherAdminIfDemoted(DSLContext sql, TenantId tenant, Member current, Member changed) {
        if (!current.isActiveAdmin() || changed.isActiveAdmin()) {
            return Mono.empty();
        }
        return repository.lockOtherActiveAdmins(sql, tenant, current.id())
                .flatMap(others -> others > 0 ? Mono.<Void>empty() : Mono.error(ApiProblem.conflict(
                        current.displayName() + " is the agency's last agency admin; make another member "
                                + "agency-admin first.")));
    }

    private static Member withStatus(Member current, MemberStatus status, Instant deactivatedAt) {
        return new Member(current.id(), current.kind(), current.email(), current.displayName(), current.roles(),
                status, current.profile(), current.clientScope(), current.invitedAt(), deactivatedAt,
                current.createdAt(), current.updatedAt(), current.version());
    }

    private static String organization(TenantId tenant) {
        return tenant.value().toString();
    }
}
