package com.agencyhub.pricing;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.internal.PricingSettingsRepository;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Currency;
import java.util.Map;

/** The agency's currency (pricing settings): EUR until an admin sets another ISO 4217 code. */
@Service
public class AgencyCurrency {

    private final PricingSettingsRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;

    AgencyCurrency(PricingSettingsRepository repository, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<PricingSettings> get(Actor actor) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant));
    }

    public Mono<PricingSettings> replace(Actor actor, int expectedVersion, String currency) {
        PricingAuthority.requireAdmin(actor);
        requireIso4217(currency);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.find(sql, tenant).flatMap(before -> repository
                .save(sql, tenant, expectedVersion, currency)
                .switchIfEmpty(Mono.error(ApiProblem::preconditionFailed))
                .flatMap(after -> audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry(
                                "pricing-settings.updated", "pricing-settings", tenant.value(),
                                Map.of("currency", before.currency()), Map.of("currency", after.currency())))
                        .thenReturn(after))));
    }

    private static void requireIso4217(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw ApiProblem.invalidField("currency", "is not an ISO 4217 currency code", "unknown-currency");
        }
    }
}
