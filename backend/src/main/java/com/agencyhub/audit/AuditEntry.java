package com.agencyhub.audit;

import com.agencyhub.shared.BrandId;

import java.util.Map;
import java.util.UUID;

/**
 * What a mutation changed, for the audit trail: action (e.g. {@code agency.updated}), the entity, and its
 * state before and after (null where it did not exist). Snapshots hold what a reviewer needs, not secrets.
 *
 * @param brand the brand the change belongs to, so that the brand's own trail finds it; null for changes
 *              that concern no brand
 */
public record AuditEntry(String action, String entityType, UUID entityId, Map<String, ?> before,
                         Map<String, ?> after, BrandId brand) {

    public AuditEntry(String action, String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
        this(action, entityType, entityId, before, after, null);
    }
}
