package com.agencyhub.roster;

import com.agencyhub.roster.internal.RosterChangeRepository;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The changes of a member's duty that roster writes recorded ({@link RosterChangeLog}). Admins and managers read
 * anyone's, social-media managers their own.
 */
@Service
public class RosterChanges {

    private final RosterChangeRepository repository;
    private final RosterReferences references;
    private final Transactions transactions;

    RosterChanges(RosterChangeRepository repository, RosterReferences references, Transactions transactions) {
        this.repository = repository;
        this.references = references;
        this.transactions = transactions;
    }

    /** One page of the changes of {@code member} (null: the caller), who must be current staff, newest first. */
    public Mono<Page<RosterChange>> list(Actor actor, UserId member, int limit, String cursor) {
        TenantId tenant = actor.requireTenant();
        UserId whose = member == null ? actor.userId() : member;
        if (!RosterReferences.plans(actor) && !whose.equals(actor.userId())) {
            throw ApiProblem.forbidden("Social-media managers may read their own roster changes only.");
        }
        return transactions.inTenant(tenant, sql -> references.requireStaff(tenant, Map.of("memberId", whose))
                .then(repository.list(sql, tenant, whose, limit, cursor)));
    }
}
