package com.agencyhub.audit.web;

import com.agencyhub.api.AuditApi;
import com.agencyhub.api.model.AuditActorDto;
import com.agencyhub.api.model.AuditEventDto;
import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.audit.AuditEvent;
import com.agencyhub.audit.AuditFilter;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The agency's audit trail, for agency admins (see security). */
@RestController
class AuditController implements AuditApi {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Mono<ResponseEntity<AuditEventPageDto>> listAuditEvents(String entityType, UUID entityId, UUID actorId,
                                                                   OffsetDateTime from, OffsetDateTime to,
                                                                   Integer limit, String cursor,
                                                                   ServerWebExchange exchange) {
        Instant start = from == null ? null : from.toInstant();
        Instant end = to == null ? null : to.toInstant();
        Inputs.range(start, end);
        AuditFilter filter = new AuditFilter(entityType, entityId, actorId == null ? null : new UserId(actorId),
                start, end);
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> audit.list(actor.requireTenant(), filter, pageSize, cursor))
                .map(page -> ResponseEntity.ok(new AuditEventPageDto(
                        page.map(AuditController::dto).items(), page.nextCursor())));
    }

    private static AuditEventDto dto(AuditEvent event) {
        return new AuditEventDto(event.id(), event.occurredAt().atOffset(ZoneOffset.UTC),
                new AuditActorDto(event.actorId().value(), event.actorName()), event.action(), event.entityType(),
                event.entityId(), event.before(), event.after());
    }
}
