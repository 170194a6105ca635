package com.agencyhub.tenancy.web;

import com.agencyhub.api.AgenciesApi;
import com.agencyhub.api.model.AgencyCreateDto;
import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyPageDto;
import com.agencyhub.api.model.AgencyStatusDto;
import com.agencyhub.audit.AuditActor;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.security.CurrentActor;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.shared.web.Inputs;
import com.agencyhub.tenancy.Agencies;
import com.agencyhub.tenancy.AgencyOnboarding;
import com.agencyhub.tenancy.AgencyQuery;
import com.agencyhub.tenancy.AgencyStatus;
import com.agencyhub.tenancy.NewAgency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/** The platform's view of agencies: onboarding and browsing them. Platform admins only (see security). */
@RestController
class AgenciesController implements AgenciesApi {

    private final Agencies agencies;
    private final AgencyOnboarding onboarding;

    AgenciesController(Agencies agencies, AgencyOnboarding onboarding) {
        this.agencies = agencies;
        this.onboarding = onboarding;
    }

    @Override
    public Mono<ResponseEntity<AgencyDto>> createAgency(Mono<AgencyCreateDto> body, ServerWebExchange exchange) {
        return body.map(AgenciesController::newAgency)
                .zipWith(CurrentActor.get())
                .flatMap(request -> onboarding.onboard(request.getT1(), AuditActor.of(request.getT2())))
                .map(outcome -> {
                    var agency = outcome.agency();
                    ResponseEntity.BodyBuilder response = outcome.created()
                            ? ResponseEntity.created(URI.create(AgenciesApi.PATH_GET_AGENCY.replace("{agencyId}",
                            agency.id().toString())))
                            : ResponseEntity.ok();
                    return response.eTag(ETags.of(agency.version())).body(AgencyDtos.of(agency));
                });
    }

    @Override
    public Mono<ResponseEntity<AgencyDto>> getAgency(UUID agencyId, ServerWebExchange exchange) {
        return agencies.get(new TenantId(agencyId)).map(AgencyDtos::ok);
    }

    @Override
    public Mono<ResponseEntity<AgencyPageDto>> listAgencies(Integer limit, String cursor, AgencyStatusDto status,
                                                            String q, ServerWebExchange exchange) {
        AgencyQuery query = new AgencyQuery(status == null ? null : AgencyStatus.of(status.getValue()), q);
        return agencies.list(query, Inputs.limit(limit), cursor)
                .map(page -> ResponseEntity.ok(new AgencyPageDto(page.map(AgencyDtos::of).items(), page.nextCursor())));
    }

    private static NewAgency newAgency(AgencyCreateDto body) {
        return new NewAgency(body.getName().strip(), body.getSlug(), Inputs.zone("defaultZone", body.getDefaultZone()),
                Inputs.locale("locale", body.getLocale()), body.getAdmin().getEmail().strip().toLowerCase(),
                body.getAdmin().getFirstName().strip(), body.getAdmin().getLastName().strip(), null);
    }
}
