package com.agencyhub.brands.internal;

import com.agencyhub.audit.AuditEvent;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.BrandExportSection;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;

/** The brand's audit trail in its export, oldest first. */
@Component
class AuditEventsExportSection implements BrandExportSection {

    private final AuditLog audit;

    AuditEventsExportSection(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "auditEvents";
    }

    @Override
    public Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand) {
        return audit.streamForBrand(tenant, brand).map(AuditEventsExportSection::row);
    }

    private static Map<String, Object> row(AuditEvent event) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", event.id().toString());
        row.put("occurredAt", event.occurredAt().toString());
        Map<String, Object> actor = new LinkedHashMap<>(); // as the AuditEvent of the API: actor {id, name}
        actor.put("id", event.actorId().value().toString());
        actor.put("name", event.actorName());
        row.put("actor", actor);
        row.put("action", event.action());
        row.put("entityType", event.entityType());
        row.put("entityId", event.entityId().toString());
        row.put("before", event.before());
        row.put("after", event.after());
        return row;
    }
}
