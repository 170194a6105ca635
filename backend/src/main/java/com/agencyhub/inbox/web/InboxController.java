package com.agencyhub.inbox.web;

import com.agencyhub.api.InboxApi;
import com.agencyhub.api.model.IngestBatchResultDto;
import com.agencyhub.api.model.IngestedInteractionDto;
import com.agencyhub.api.model.InteractionAssignmentDto;
import com.agencyhub.api.model.InteractionBatchInputDto;
import com.agencyhub.api.model.InteractionDto;
import com.agencyhub.api.model.InteractionEventPageDto;
import com.agencyhub.api.model.InteractionInputDto;
import com.agencyhub.api.model.InteractionPageDto;
import com.agencyhub.api.model.InteractionReplyInputDto;
import com.agencyhub.api.model.InteractionStatusDto;
import com.agencyhub.api.model.InteractionStepInputDto;
import com.agencyhub.api.model.InteractionWaitingInputDto;
import com.agencyhub.api.model.SlaPriorityDto;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.IngestedItem;
import com.agencyhub.inbox.Interaction;
import com.agencyhub.inbox.InteractionId;
import com.agencyhub.inbox.InteractionIngest;
import com.agencyhub.inbox.InteractionStatus;
import com.agencyhub.inbox.Interactions;
import com.agencyhub.inbox.internal.InteractionRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@RestController
class InboxController implements InboxApi {

    private final InteractionIngest ingest;
    private final Interactions interactions;

    InboxController(InteractionIngest ingest, Interactions interactions) {
        this.ingest = ingest;
        this.interactions = interactions;
    }

    @Override
    public Mono<ResponseEntity<IngestedInteractionDto>> ingestInteraction(UUID brandId, Mono<InteractionInputDto> body,
                                                                          String idempotencyKey,
                                                                          ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> ingest.ingest(request.getT2(), new BrandId(brandId),
                        InboxRequests.items(null, List.of(request.getT1())), key(idempotencyKey, true)))
                .map(result -> {
                    IngestedItem item = result.items().get(0);
                    return item.created()
                            ? ResponseEntity.created(URI.create(InboxApi.PATH_GET_INTERACTION
                                    .replace("{interactionId}", item.id().toString())))
                            .body(InboxDtos.ingested(item))
                            : ResponseEntity.ok(InboxDtos.ingested(item));
                });
    }

    @Override
    public Mono<ResponseEntity<IngestBatchResultDto>> ingestInteractionBatch(UUID brandId,
                                                                             Mono<InteractionBatchInputDto> body,
                                                                             String idempotencyKey,
                                                                             ServerWebExchange exchange) {
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> ingest.ingest(request.getT2(), new BrandId(brandId),
                        InboxRequests.items("items", request.getT1().getItems()), key(idempotencyKey, false)))
                .map(result -> ResponseEntity.ok(InboxDtos.batch(result)));
    }

    @Override
    public Mono<ResponseEntity<InteractionPageDto>> listBrandInteractions(UUID brandId, OffsetDateTime from,
                                                                          OffsetDateTime to, InteractionStatusDto status,
                                                                          SlaPriorityDto priority, String channel,
                                                                          UUID assigneeId, Integer limit, String cursor,
                                                                          ServerWebExchange exchange) {
        return list(brandId, true, from, to, status, priority, channel, assigneeId, limit, cursor);
    }

    @Override
    public Mono<ResponseEntity<InteractionPageDto>> listInteractions(UUID brandId, OffsetDateTime from,
                                                                     OffsetDateTime to, InteractionStatusDto status,
                                                                     SlaPriorityDto priority, String channel,
                                                                     UUID assigneeId, Integer limit, String cursor,
                                                                     ServerWebExchange exchange) {
        return list(brandId, false, from, to, status, priority, channel, assigneeId, limit, cursor);
    }

    private Mono<ResponseEntity<InteractionPageDto>> list(UUID brandId, boolean brandPath, OffsetDateTime from,
                                                          OffsetDateTime to, InteractionStatusDto status,
                                                          SlaPriorityDto priority, String channel, UUID assigneeId,
                                                          Integer limit, String cursor) {
        int pageSize = Inputs.limit(limit);
        Instant start = from == null ? null : Inputs.plausible("from", from);
        Instant end = to == null ? null : Inputs.plausible("to", to);
        Inputs.range(start, end);
        InteractionRepository.Filter filter = new InteractionRepository.Filter(
                brandId == null ? null : new BrandId(brandId), start, end,
                status == null ? null : Slugs.parse(InteractionStatus.class, status.getValue()),
                priority == null ? null : Slugs.parse(SlaPolicy.Priority.class, priority.getValue()), channel,
                assigneeId == null ? null : new UserId(assigneeId));
        Instant now = Instant.now();
        return CurrentActor.get().flatMap(actor -> interactions.list(actor, filter, brandPath, pageSize, cursor))
                .map(page -> ResponseEntity.ok(new InteractionPageDto(
                        page.map(item -> InboxDtos.interaction(item, now)).items(), page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> getInteraction(UUID interactionId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> interactions.get(actor, new InteractionId(interactionId)))
                .map(InboxController::answer);
    }

    @Override
    public Mono<ResponseEntity<InteractionEventPageDto>> listInteractionEvents(UUID interactionId, Integer limit,
                                                                               String cursor,
                                                                               ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get()
                .flatMap(actor -> interactions.events(actor, new InteractionId(interactionId), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new InteractionEventPageDto(page.map(InboxDtos::event).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> recordInteractionReply(UUID interactionId, String ifMatch,
                                                                       Mono<InteractionReplyInputDto> body,
                                                                       ServerWebExchange exchange) {
        return change(ifMatch, body, (actor, version, reply) -> interactions.reply(actor,
                new InteractionId(interactionId), version, InboxRequests.at(reply.getAt()),
                reply.getMemberId() == null ? null : new UserId(reply.getMemberId()), reply.getChannel()));
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> resolveInteraction(UUID interactionId, String ifMatch,
                                                                   Mono<InteractionStepInputDto> body,
                                                                   ServerWebExchange exchange) {
        return step(interactionId, ifMatch, body, interactions::resolve);
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> reopenInteraction(UUID interactionId, String ifMatch,
                                                                  Mono<InteractionStepInputDto> body,
                                                                  ServerWebExchange exchange) {
        return step(interactionId, ifMatch, body, interactions::reopen);
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> startWaitingOnInteraction(UUID interactionId, String ifMatch,
                                                                          Mono<InteractionWaitingInputDto> body,
                                                                          ServerWebExchange exchange) {
        return change(ifMatch, body, (actor, version, waiting) -> interactions.startWaiting(actor,
                new InteractionId(interactionId), version, InboxRequests.at(waiting.getAt()), waiting.getNote()));
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> resumeInteraction(UUID interactionId, String ifMatch,
                                                                  Mono<InteractionStepInputDto> body,
                                                                  ServerWebExchange exchange) {
        return step(interactionId, ifMatch, body, interactions::resume);
    }

    @Override
    public Mono<ResponseEntity<InteractionDto>> assignInteraction(UUID interactionId, String ifMatch,
                                                                  Mono<InteractionAssignmentDto> body,
                                                                  ServerWebExchange exchange) {
        return change(ifMatch, body, (actor, version, assignment) -> interactions.assign(actor,
                new InteractionId(interactionId), version,
                assignment.getAssigneeId() == null ? null : new UserId(assignment.getAssigneeId())));
    }

    /** A lifecycle step that takes only the instant it happened at. */
    private interface TimedStep {
        Mono<Interaction> apply(Actor actor, InteractionId id, int expectedVersion, Instant at);
    }

    private static Mono<ResponseEntity<InteractionDto>> step(UUID interactionId, String ifMatch,
                                                             Mono<InteractionStepInputDto> body, TimedStep step) {
        return change(ifMatch, body, (actor, version, request) -> step.apply(actor, new InteractionId(interactionId),
                version, InboxRequests.at(request.getAt())));
    }

    /** A lifecycle change from the caller's request, at the version the ETag names. */
    private interface Change<T> {
        Mono<Interaction> apply(Actor actor, int expectedVersion, T request);
    }

    /** Reads the ETag's version (428 without), then applies the change and answers the item with its new ETag. */
    private static <T> Mono<ResponseEntity<InteractionDto>> change(String ifMatch, Mono<T> body, Change<T> change) {
        int version = ETags.requiredVersion(ifMatch);
        return body.zipWith(CurrentActor.get())
                .flatMap(request -> change.apply(request.getT2(), version, request.getT1()))
                .map(InboxController::answer);
    }

    private static ResponseEntity<InteractionDto> answer(Interaction item) {
        return ResponseEntity.ok().eTag(ETags.of(item.version())).body(InboxDtos.interaction(item, Instant.now()));
    }

    private static InteractionIngest.IdempotencyKey key(String header, boolean single) {
        return header == null ? null : new InteractionIngest.IdempotencyKey(header, single);
    }
}
