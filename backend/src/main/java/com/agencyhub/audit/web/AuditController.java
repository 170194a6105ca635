package com.agencyhub.audit.web;

import com.agencyhub.api.AuditApi;
import com.agencyhub.api.model.AuditActorDto;
import com.agencyhub.api.model.AuditEventDto;
import com.agencyhub.api.model.AuditEventPageDto;
import com.agencyhub.audit.AuditEvent;
import com.agencyhub.audit.AuditFilter;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.audit.BrandTrailAccess;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The agency's audit trail and each brand's part of it (see security and {@link BrandTrailAccess}). */
@RestController
class AuditController implements AuditApi {

    private final AuditLog audit;
    private final BrandTrailAccess brandTrails;

    AuditController(AuditLog audit, BrandTrailAccess brandTrails) {
        this.audit = audit;
        this.brandTrails = brandTrails;
    }

    @Override
    public Mono<ResponseEntity<AuditEventPageDto>> listAuditEvents(String entityType, UUID entityId, UUID actorId,
                                                                   OffsetDateTime from, OffsetDateTime to,
                                                                   Integer limit, String cursor,
                                                                   ServerWebExchange exchange) {
        AuditFilter filter = filter(entityType, entityId, actorId, from, to);
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> audit.list(actor.requireTenant(), filter, pageSize, cursor))
                .map(AuditController::ok);
    }

    @Override
    public Mono<ResponseEntity<AuditEventPageDto>> listBrandAuditEvents(UUID brandId, String entityType,
                                                                        UUID entityId, UUID actorId,
                                                                        OffsetDateTime from, OffsetDateTime to,
                                                                        Integer limit, String cursor,
                                                                        ServerWebExchange exchange) {
        BrandId brand = new BrandId(brandId);
        AuditFilter filter = filter(entityType, entityId, actorId, from, to).forBrand(brand);
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> brandTrails.mayRead(actor, brand)
                        .flatMap(allowed -> allowed
                                ? audit.list(actor.requireTenant(), filter, pageSize, cursor)
                                : Mono.error(ApiProblem.notFound("The brand"))))
                .map(AuditController::ok);
    }

    private static AuditFilter filter(String entityType, UUID entityId, UUID actorId, OffsetDateTime from,
                                      OffsetDateTime to) {
        Instant start = from == null ? null : from.toInstant();
        Instant end = to == null ? null : to.toInstant();
        Inputs.range(start, end);
        return new AuditFilter(entityType, entityId, actorId == null ? null : new UserId(actorId), start, end, null);
    }

    private static ResponseEntity<AuditEventPageDto> ok(Page<AuditEvent> page) {
        return ResponseEntity.ok(new AuditEventPageDto(page.map(AuditController::dto).items(), page.nextCursor()));
    }

    private static AuditEventDto dto(AuditEvent event) {
        AuditEventDto dto = new AuditEventDto(event.id(), event.occurredAt().atOffset(ZoneOffset.UTC),
                new AuditActorDto(event.actorId().value(), event.actorName()), event.action(), event.entityType(),
                event.entityId(), event.before(), event.after());
        return event.brand() == null ? dto : dto.brandId(event.brand().value());
    }
}
