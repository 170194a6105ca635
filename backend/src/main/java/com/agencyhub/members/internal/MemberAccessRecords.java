package com.agencyhub.members.internal;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberStatus;
import com.agencyhub.members.Members;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.MemberAccess;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * The member records as the source of authority, asked once per request: one indexed lookup in the agency of
 * the request, unless the {@link GrantCache} has the grant. An invited member's first signed-in request marks them
 * active.
 */
@Component
class MemberAccessRecords implements MemberAccess {

    private final MemberRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;
    private final GrantCache cache;

    MemberAccessRecords(MemberRepository repository, Transactions transactions, AuditLog audit, GrantCache cache) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.cache = cache;
    }

    @Override
    public Mono<Grant> grant(TenantId agency, Actor person) {
        return cache.grant(agency, person.userId(), () -> read(agency, person));
    }

    private Mono<Grant> read(TenantId agency, Actor person) {
        return transactions.inTenant(agency, sql -> repository.find(sql, agency, person.userId())
                        .filter(member -> member.status() != MemberStatus.DEACTIVATED)
                        .flatMap(member -> member.status() == MemberStatus.INVITED
                                ? markActive(sql, agency, person, member) : Mono.just(member)))
                .map(member -> new Grant(member.roles(), member.clientScope().brands(),
                        member.clientScope().approvals()));
    }

    @Override
    public Mono<List<TenantId>> agenciesOf(UserId person) {
        return transactions.asPlatform(sql -> repository.memberships(sql, person)
                .map(Members.Membership::agency).collectList());
    }

    private Mono<Member> markActive(DSLContext sql, TenantId tenant, Actor caller, Member member) {
        return repository.markActive(sql, tenant, member.id())
                .flatMap(marked -> marked
                        ? audit.record(sql, tenant, AuditActor.of(caller), new AuditEntry("member.activated",
                                "member", member.id().value(), Map.of("status", MemberStatus.INVITED.value()),
                                Map.of("status", MemberStatus.ACTIVE.value())))
                        : Mono.empty())
                .then(repository.find(sql, tenant, member.id()));
    }
}
