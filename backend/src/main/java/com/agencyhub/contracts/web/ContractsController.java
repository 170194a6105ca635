package com.agencyhub.contracts.web;

import com.agencyhub.api.ContractsApi;
import com.agencyhub.api.model.ContractDto;
import com.agencyhub.api.model.ContractEndDto;
import com.agencyhub.api.model.ContractInputDto;
import com.agencyhub.api.model.ContractListDto;
import com.agencyhub.api.model.ContractUpdateDto;
import com.agencyhub.contracts.Contract;
import com.agencyhub.contracts.ContractDraft;
import com.agencyhub.contracts.ContractId;
import com.agencyhub.contracts.ContractLifecycle;
import com.agencyhub.pricing.PlannedHours;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
class ContractsController implements ContractsApi {

    private final ContractLifecycle contracts;

    ContractsController(ContractLifecycle contracts) {
        this.contracts = contracts;
    }

    @Override
    public Mono<ResponseEntity<ContractListDto>> listContracts(UUID brandId, ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> contracts.list(actor, new BrandId(brandId)))
                .map(list -> ResponseEntity.ok(new ContractListDto(list.stream().map(ContractDtos::contract)
                        .toList())));
    }

    @Override
    public Mono<ResponseEntity<ContractDto>> createContract(UUID brandId, Mono<ContractInputDto> body,
                                                            ServerWebExchange exchange) {
        return body.map(ContractsController::draft).zipWith(CurrentActor.get())
                .flatMap(request -> contracts.create(request.getT2(), new BrandId(brandId), request.getT1()))
                .map(created -> ResponseEntity.created(URI.create(ContractsApi.PATH_GET_CONTRACT
                                .replace("{brandId}", brandId.toString())
                                .replace("{contractId}", created.id().toString())))
                        .eTag(ETags.of(created.version())).body(ContractDtos.contract(created)));
    }

    @Override
    public Mono<ResponseEntity<ContractDto>> getContract(UUID brandId, UUID contractId, ServerWebExchange exchange) {
        return CurrentActor.get()
                .flatMap(actor -> contracts.get(actor, new BrandId(brandId), new ContractId(contractId)))
                .map(ContractsController::ok);
    }

    @Override
    public Mono<ResponseEntity<ContractDto>> updateContract(UUID brandId, UUID contractId, String ifMatch,
                                                            Mono<ContractUpdateDto> body,
                                                            ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(ContractsController::changes).zipWith(CurrentActor.get())
                .flatMap(request -> contracts.update(request.getT2(), new BrandId(brandId),
                        new ContractId(contractId), expectedVersion, request.getT1()))
                .map(ContractsController::ok);
    }

    @Override
    public Mono<ResponseEntity<Void>> deleteContract(UUID brandId, UUID contractId, String ifMatch,
                                                     ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> contracts.delete(actor, new BrandId(brandId),
                        new ContractId(contractId), expectedVersion))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @Override
    public Mono<ResponseEntity<ContractDto>> activateContract(UUID brandId, UUID contractId, String ifMatch,
                                                              ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return CurrentActor.get().flatMap(actor -> contracts.activate(actor, new BrandId(brandId),
                        new ContractId(contractId), expectedVersion))
                .map(ContractsController::ok);
    }

    @Override
    public Mono<ResponseEntity<ContractDto>> endContract(UUID brandId, UUID contractId, String ifMatch,
                                                         Mono<ContractEndDto> body, ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(end -> ContractRequests.month("lastMonth", end.getLastMonth())).zipWith(CurrentActor.get())
                .flatMap(request -> contracts.end(request.getT2(), new BrandId(brandId), new ContractId(contractId),
                        expectedVersion, request.getT1()))
                .map(ContractsController::ok);
    }

    private static ResponseEntity<ContractDto> ok(Contract contract) {
        return ResponseEntity.ok().eTag(ETags.of(contract.version())).body(ContractDtos.contract(contract));
    }

    private static ContractDraft draft(ContractInputDto input) {
        List<Integer> thresholds = ContractRequests.thresholds(input.getAlertThresholds());
        List<PlannedHours> lines = ContractRequests.lines(input.getLines());
        return new ContractDraft(ContractRequests.month("startMonth", input.getStartMonth()),
                ContractRequests.month("lastMonth", input.getLastMonth()),
                ContractRequests.rate("overageRate", input.getOverageRate()),
                ContractRequests.carryOver(input.getCarryOver()),
                thresholds == null ? ContractDraft.DEFAULT_THRESHOLDS : thresholds,
                lines == null ? List.of() : lines, Boolean.TRUE.equals(input.getFromQuote()),
                input.getNote() == null || input.getNote().isBlank() ? null : ContractRequests.note(input.getNote()));
    }

    private static ContractDraft changes(ContractUpdateDto input) {
        if (input.equals(new ContractUpdateDto())) {
            throw ApiProblem.badRequest("Send at least one property to change.");
        }
        return new ContractDraft(ContractRequests.month("startMonth", input.getStartMonth()),
                ContractRequests.month("lastMonth", input.getLastMonth()),
                ContractRequests.rate("overageRate", input.getOverageRate()),
                ContractRequests.carryOver(input.getCarryOver()),
                ContractRequests.thresholds(input.getAlertThresholds()),
                ContractRequests.lines(input.getLines()), false, ContractRequests.note(input.getNote()));
    }
}
