package com.agencyhub.brands.web;

import com.agencyhub.api.BrandsApi;
import com.agencyhub.api.model.BrandCreateDto;
import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandExportDto;
import com.agencyhub.api.model.BrandPageDto;
import com.agencyhub.api.model.BrandReadinessDto;
import com.agencyhub.api.model.BrandStatusChangeDto;
import com.agencyhub.api.model.BrandStatusDto;
import com.agencyhub.api.model.BrandUpdateDto;
import com.agencyhub.api.model.ReadinessRequirementDto;
import com.agencyhub.audit.AuditActor;
import com.agencyhub.brands.BrandExports;
import com.agencyhub.brands.BrandLifecycle;
import com.agencyhub.brands.BrandReadiness;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.brands.RenderedBrand;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.shared.web.RenderedJson;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/** The agency's brands: staff read, admins and managers change, client users read their own (see security). */
@RestController
class BrandsController implements BrandsApi {

    private final Brands brands;
    private final BrandLifecycle lifecycle;
    private final BrandReadiness readiness;
    private final BrandExports exports;
    private final BrandRequests requests;
    private final BrandExportWriter exportWriter;

    BrandsController(Brands brands, BrandLifecycle lifecycle, BrandReadiness readiness, BrandExports exports,
                     BrandRequests requests, BrandExportWriter exportWriter) {
        this.brands = brands;
        this.lifecycle = lifecycle;
        this.readiness = readiness;
        this.exports = exports;
        this.requests = requests;
        this.exportWriter = exportWriter;
    }

    @Override
    public Mono<ResponseEntity<BrandPageDto>> listBrands(BrandStatusDto status, Integer limit, String cursor,
                                                         ServerWebExchange exchange) {
        int pageSize = Inputs.limit(limit);
        BrandStatus only = status == null ? null : BrandStatus.of(status.getValue());
        // PostgreSQL renders the brands' JSON (BrandJson), written into the page as it comes: no DTO to hand back
        return CurrentActor.get()
                .flatMap(actor -> brands.listRendered(actor, only, pageSize, cursor, BrandDtos.showsNotes(actor)))
                .flatMap(page -> RenderedJson.writePage(exchange, page.map(RenderedBrand::json)))
                .then(Mono.empty());
    }

    @Override
    public Mono<ResponseEntity<BrandDto>> createBrand(Mono<BrandCreateDto> body, ServerWebExchange exchange) {
        return body.map(requests::settings)
                .zipWith(CurrentActor.get())
                .flatMap(request -> brands.create(request.getT2().requireTenant(), AuditActor.of(request.getT2()),
                                request.getT1())
                        .map(brand -> ResponseEntity.created(URI.create(BrandsApi.PATH_GET_BRAND
                                        .replace("{brandId}", brand.id().toString())))
                                .eTag(ETags.of(brand.version())).body(BrandDtos.of(brand, request.getT2()))));
    }

    @Override
    public Mono<ResponseEntity<BrandDto>> getBrand(UUID brandId, ServerWebExchange exchange) {
        // PostgreSQL renders the brand's JSON (BrandJson), written as it comes: no DTO to hand back
        return CurrentActor.get()
                .flatMap(actor -> brands.getRendered(actor, new BrandId(brandId), BrandDtos.showsNotes(actor)))
                .flatMap(brand -> RenderedJson.write(exchange, ETags.of(brand.version()), brand.json()))
                .then(Mono.empty());
    }

    @Override
    public Mono<ResponseEntity<BrandDto>> updateBrand(UUID brandId, String ifMatch, Mono<BrandUpdateDto> body,
                                                      ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(requests::changes)
                .zipWith(CurrentActor.get())
                .flatMap(request -> brands.update(request.getT2().requireTenant(), AuditActor.of(request.getT2()),
                                new BrandId(brandId), expectedVersion, request.getT1())
                        .map(brand -> BrandDtos.ok(brand, request.getT2())));
    }

    @Override
    public Mono<ResponseEntity<BrandDto>> changeBrandStatus(UUID brandId, String ifMatch,
                                                            Mono<BrandStatusChangeDto> body,
                                                            ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(change -> new BrandLifecycle.Transition(BrandStatus.of(change.getStatus().getValue()),
                        Boolean.TRUE.equals(change.getForce()), change.getReason()))
                .zipWith(CurrentActor.get())
                .flatMap(request -> lifecycle.change(request.getT2(), new BrandId(brandId), expectedVersion,
                                request.getT1())
                        .map(brand -> BrandDtos.ok(brand, request.getT2())));
    }

    @Override
    public Mono<ResponseEntity<BrandReadinessDto>> getBrandReadiness(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> readiness.of(actor, new BrandId(brandId)))
                .map(result -> ResponseEntity.ok(new BrandReadinessDto(result.brand().value(), result.ready(),
                        result.items().stream().map(item -> new ReadinessRequirementDto(item.requirement().value(),
                                item.outcome().done(), item.outcome().reason())).toList())));
    }

    @Override
    public Mono<ResponseEntity<BrandExportDto>> exportBrand(UUID brandId, ServerWebExchange exchange) {
        // the document is streamed straight into the response; there is no DTO to hand back
        return CurrentActor.get()
                .flatMap(actor -> exports.export(actor, new BrandId(brandId))
                        .flatMap(export -> exportWriter.write(exchange.getResponse(), export, actor)))
                .then(Mono.empty());
    }
}
