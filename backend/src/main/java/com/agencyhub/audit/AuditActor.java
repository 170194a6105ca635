package com.agencyhub.audit;

import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;

/** Who made a change, as the audit trail names them. */
public record AuditActor(UserId id, String name) {

    public static final AuditActor SYSTEM = new AuditActor(UserId.SYSTEM, "system");

    public static AuditActor of(Actor actor) {
        return new AuditActor(actor.userId(), actor.displayName() != null ? actor.displayName() : actor.username());
    }
}
