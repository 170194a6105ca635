package com.agencyhub.guidelines.web;

import com.agencyhub.api.GuidelinesApi;
import com.agencyhub.api.model.GuidelineContentDto;
import com.agencyhub.api.model.GuidelineVersionDto;
import com.agencyhub.api.model.GuidelineVersionPageDto;
import com.agencyhub.api.model.SlaPolicySetDto;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/**
 * A brand's guidelines: staff read, admins and managers write and publish, assigned members acknowledge, client
 * users read published versions of brands that share plans with them (see security).
 */
@RestController
class GuidelinesController implements GuidelinesApi {

    private final Guidelines guidelines;

    GuidelinesController(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> getCurrentGuidelines(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.current(actor, new BrandId(brandId)))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> getGuidelinesDraft(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.draft(actor, new BrandId(brandId)))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> createGuidelinesDraft(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.createDraft(actor, new BrandId(brandId)))
                .map(draft -> ResponseEntity.created(URI.create(GuidelinesApi.PATH_GET_GUIDELINES_DRAFT
                                .replace("{brandId}", brandId.toString())))
                        .eTag(ETags.of(draft.version())).body(GuidelineDtos.of(draft)));
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> replaceGuidelinesDraft(UUID brandId, String ifMatch,
                                                                            Mono<GuidelineContentDto> body,
                                                                            ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(GuidelineDtos::content)
                .zipWith(CurrentActor.get())
                .flatMap(request -> guidelines.replaceDraft(request.getT2(), new BrandId(brandId), expectedVersion,
                        request.getT1()))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> publishGuidelinesDraft(UUID brandId, String ifMatch,
                                                                            ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> guidelines.publish(actor, new BrandId(brandId), expectedVersion))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionPageDto>> listGuidelineVersions(UUID brandId, Integer limit,
                                                                               String cursor,
                                                                               ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        return CurrentActor.get().flatMap(actor -> guidelines.versions(actor, new BrandId(brandId), pageSize, cursor))
                .map(page -> ResponseEntity.ok(new GuidelineVersionPageDto(page.map(GuidelineDtos::of).items(),
                        page.nextCursor())));
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> getGuidelineVersion(UUID brandId, Integer versionNumber,
                                                                         ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.version(actor, new BrandId(brandId), versionNumber))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<GuidelineVersionDto>> acknowledgeGuidelineVersion(UUID brandId, Integer versionNumber,
                                                                                 ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.acknowledge(actor, new BrandId(brandId), versionNumber))
                .map(GuidelineDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<SlaPolicySetDto>> getGuidelinesSlaPolicies(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> guidelines.slaPolicies(actor, new BrandId(brandId)))
                .map(policies -> ResponseEntity.ok(new SlaPolicySetDto(policies.brand().value(),
                        policies.versionNumber(), policies.policies().stream().map(GuidelineDtos::of).toList())));
    }
}
