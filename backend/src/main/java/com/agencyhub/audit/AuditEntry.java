package com.agencyhub.audit;

import java.util.Map;
import java.util.UUID;

/**
 * What a mutation changed, for the audit trail: action (e.g. {@code agency.updated}), the entity, and its
 * state before and after (null where it did not exist). Snapshots hold what a reviewer needs, not secrets.
 */
public record AuditEntry(String action, String entityType, UUID entityId, Map<String, ?> before,
                         Map<String, ?> after) {
}
