package com.agencyhub.tenancy.web;

import com.agencyhub.api.AgencyApi;
import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyUpdateDto;
import com.agencyhub.audit.AuditActor;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.tenancy.Agencies;
import com.agencyhub.tenancy.AgencyChanges;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** An agency's own settings: staff read them, agency admins change them (see security). */
@RestController
class AgencyController implements AgencyApi {

    private final Agencies agencies;

    AgencyController(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public Mono<ResponseEntity<AgencyDto>> getOwnAgency(ServerWebExchange exchange) {
        return CurrentActor.get().flatMap(actor -> agencies.own(actor.requireTenant())).map(AgencyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<AgencyDto>> updateOwnAgency(String ifMatch, Mono<AgencyUpdateDto> body,
                                                           ServerWebExchange exchange) {
        int expectedVersion = ETags.requiredVersion(ifMatch);
        return body.map(AgencyController::changes)
                .zipWith(CurrentActor.get())
                .flatMap(request -> agencies.update(request.getT2().requireTenant(), AuditActor.of(request.getT2()),
                        expectedVersion, request.getT1()))
                .map(AgencyDtos::ok);
    }

    private static AgencyChanges changes(AgencyUpdateDto body) {
        if (body.getName() == null && body.getDefaultZone() == null && body.getLocale() == null) {
            throw ApiProblem.badRequest("Send at least one of name, defaultZone and locale.");
        }
        if (body.getName() != null && body.getName().isBlank()) {
            throw ApiProblem.invalidField("name", "must not be blank", "blank");
        }
        return new AgencyChanges(body.getName() == null ? null : body.getName().strip(),
                body.getDefaultZone() == null ? null : Inputs.zone("defaultZone", body.getDefaultZone()),
                body.getLocale() == null ? null : Inputs.locale("locale", body.getLocale()));
    }
}
