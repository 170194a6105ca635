package com.agencyhub.strategy.web;

import com.agencyhub.api.StrategyApi;
import com.agencyhub.api.model.StrategyContentDto;
import com.agencyhub.api.model.StrategyDiffDto;
import com.agencyhub.api.model.StrategyVersionDto;
import com.agencyhub.api.model.StrategyVersionPageDto;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.strategy.Strategies;
import com.agencyhub.strategy.StrategyDrafts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/** A brand's strategy: staff read, admins and managers write and approve, client users read what is shared. */
@RestController
class StrategyController implements StrategyApi {

    private final Strategies strategies;
    private final StrategyDrafts drafts;

    StrategyController(Strategies strategies, StrategyDrafts drafts) {
        this.strategies = strategies;
        this.drafts = drafts;
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> getApprovedStrategy(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> strategies.approved(actor, new BrandId(brandId)))
                .map(StrategyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> getStrategyDraft(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> strategies.draft(actor, new BrandId(brandId)))
                .map(StrategyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> createStrategyDraft(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> drafts.create(actor, new BrandId(brandId)))
                .map(draft -> ResponseEntity.created(URI.create(StrategyApi.PATH_GET_STRATEGY_DRAFT
                                .replace("{brandId}", brandId.toString())))
                        .eTag(ETags.of(draft.version())).body(StrategyDtos.of(draft)));
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> replaceStrategyDraft(UUID brandId, String ifMatch,
                                                                         Mono<StrategyContentDto> body,
                                                                         ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(StrategyRequests::content)
                .zipWith(CurrentActor.get())
                .flatMap(request -> drafts.replace(request.getT2(), new BrandId(brandId), expectedVersion,
                        request.getT1()))
                .map(StrategyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> approveStrategyDraft(UUID brandId, String ifMatch,
                                                                         ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> drafts.approve(actor, new BrandId(brandId), expectedVersion))
                .map(StrategyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionPageDto>> listStrategyVersions(UUID brandId, Integer limit,
                                                                             String cursor,
                                                                             ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get().flatMap(actor -> strategies.versions(actor, new BrandId(brandId), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new StrategyVersionPageDto(page.map(StrategyDtos::of).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<StrategyVersionDto>> getStrategyVersion(UUID brandId, Integer versionNumber,
                                                                       ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> strategies.version(actor, new BrandId(brandId), versionNumber))
                .map(StrategyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<StrategyDiffDto>> diffStrategyVersions(UUID brandId, Integer from, Integer to,
                                                                      ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> strategies.diff(actor, new BrandId(brandId), from, to))
                .map(diff -> ResponseEntity.ok(StrategyDtos.of(diff)));
    }
}
