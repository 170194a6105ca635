package com.agencyhub.audit;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.UUID;

/** Which audit events to list; every part is optional. Time range is half-open: {@code [from, to)}. */
public record AuditFilter(String entityType, UUID entityId, UserId actorId, Instant from, Instant to, BrandId brand) {

    public AuditFilter forBrand(BrandId only) {
        return new AuditFilter(entityType, entityId, actorId, from, to, only);
    }
}
