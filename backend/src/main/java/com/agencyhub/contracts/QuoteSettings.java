package com.agencyhub.contracts;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.contracts.internal.QuoteSettingsRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The agency's quote parameters: read by admins and managers, set by admins (audited). */
@Service
public class QuoteSettings {

    private final QuoteSettingsRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;

    QuoteSettings(QuoteSettingsRepository repository, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<StoredQuoteParameters> get(Actor actor) {
        TenantId tenant = actor.requireTenant();
        ContractAccess.requirePlanner(actor, "the quote parameters");
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant));
    }

    /** Replaces the parameters if they still have {@code expectedVersion} (412 otherwise). */
    public Mono<StoredQuoteParameters> replace(Actor actor, int expectedVersion, QuoteParameters parameters) {
        TenantId tenant = actor.requireTenant();
        if (!actor.has(Role.AGENCY_ADMIN)) {
            throw ApiProblem.forbidden("Only agency admins set the quote parameters.");
        }
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant).flatMap(before ->
                repository.replace(sql, tenant, expectedVersion, parameters)
                        .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                        .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                        "quote-settings.replaced", "quote-settings", tenant.value(),
                                        snapshot(before.parameters()), snapshot(after.parameters())))
                                .thenReturn(after))));
    }

    private static Map<String, Object> snapshot(QuoteParameters parameters) {
        return Map.of("monitoringEffortPercent", parameters.monitoringEffortPercent(),
                "strategyPlanningHoursPerMonth", parameters.strategyPlanningHoursPerMonth().toPlainString(),
                "reportingHoursPerMonth", parameters.reportingHoursPerMonth().toPlainString(),
                "meetingsHoursPerMonth", parameters.meetingsHoursPerMonth().toPlainString());
    }
}
