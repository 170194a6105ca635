package com.agencyhub.audit;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A recorded mutation as read back from the audit trail; {@code brand} is null when it concerns no brand. */
public record AuditEvent(UUID id, Instant occurredAt, UserId actorId, String actorName, String action,
                         String entityType, UUID entityId, BrandId brand, Map<String, Object> before,
                         Map<String, Object> after) {
}
