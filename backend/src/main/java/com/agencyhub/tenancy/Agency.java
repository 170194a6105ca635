package com.agencyhub.tenancy;

import com.agencyhub.shared.TenantId;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** An agency: the tenant. Its id is the id of its Keycloak organization. */
public record Agency(TenantId id, String name, String slug, ZoneId defaultZone, String locale, AgencyStatus status,
                     Instant createdAt, Instant updatedAt, int version) {

    /** The agency's editable state, as the audit trail records it. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("slug", slug);
        snapshot.put("defaultZone", defaultZone.getId());
        snapshot.put("locale", locale);
        snapshot.put("status", status.value());
        return snapshot;
    }
}
