package com.agencyhub.brands;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Status transitions of a brand. Going live needs every readiness requirement; an agency admin may force it
 * with a reason, and the audit event keeps the reason and what was missing.
 */
@Service
public class BrandLifecycle {

    private final Brands brands;
    private final BrandReadiness readiness;

    public BrandLifecycle(Brands brands, BrandReadiness readiness) {
        this.brands = brands;
        this.readiness = readiness;
    }

    public record Transition(BrandStatus status, boolean force, String reason) {
    }

    public Mono<Brand> change(Actor actor, BrandId id, int expectedVersion, Transition transition) {
        if (transition.force() && !actor.has(Role.AGENCY_ADMIN)) {
            return Mono.error(ApiProblem.forbidden("Only agency admins may force a brand live."));
        }
        if (transition.force() && (transition.reason() == null || transition.reason().isBlank())) {
            return Mono.error(ApiProblem.invalidField("reason", "is required when forcing", "required"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (transition.reason() != null) {
            details.put("reason", transition.reason().strip());
        }
        Mono<Map<String, Object>> checked = transition.status() != BrandStatus.ACTIVE ? Mono.just(details)
                : readiness.of(actor, id).flatMap(result -> {
                    if (result.ready()) {
                        return Mono.just(details);
                    }
                    if (!transition.force()) {
                        return Mono.error(notReady(result));
                    }
                    details.put("forced", true);
                    details.put("missing", result.missing().stream().map(item -> item.requirement().value()).toList());
                    return Mono.just(details);
                });
        return checked.flatMap(auditDetails -> brands.changeStatus(actor.requireTenant(), AuditActor.of(actor), id,
                expectedVersion, transition.status(), auditDetails));
    }

    private static ApiProblem notReady(Readiness result) {
        List<Map<String, Object>> requirements = result.missing().stream()
                .map(item -> Map.<String, Object>of("requirement", item.requirement().value(), "done", false,
                        "reason", item.outcome().reason()))
                .toList();
        return new ApiProblem(HttpStatus.CONFLICT, "brand-not-ready", "Brand not ready",
                "The brand cannot go live yet: " + requirements.size() + " requirement"
                        + (requirements.size() == 1 ? " is" : "s are") + " missing.", List.of())
                .with("requirements", requirements);
    }
}
