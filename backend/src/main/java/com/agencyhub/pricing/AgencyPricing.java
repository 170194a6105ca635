package com.agencyhub.pricing;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.internal.PricingSettingsRepository;
import com.agencyhub.pricing.internal.SurchargeRepository;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agency-wide pricing settings its admins keep: the surcharges per time class, set as a whole, and the currency
 * (pricing settings: EUR until an admin sets another ISO 4217 code, at the settings' version).
 */
@Service
public class AgencyPricing {

    private final SurchargeRepository surcharges;
    private final PricingSettingsRepository settings;
    private final Transactions transactions;
    private final AuditLog audit;

    AgencyPricing(SurchargeRepository surcharges, PricingSettingsRepository settings, Transactions transactions,
                  AuditLog audit) {
        this.surcharges = surcharges;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<SurchargePercents> surcharges(Actor actor) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> surcharges.percents(sql, tenant));
    }

    /** Replaces all four surcharges (a class left out of {@code percents} has none). */
    public Mono<SurchargePercents> replaceSurcharges(Actor actor, SurchargePercents percents) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> surcharges.percents(sql, tenant)
                .flatMap(before -> surcharges.replace(sql, tenant, percents.byClass())
                        .then(audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("surcharges.replaced",
                                "surcharges", tenant.value(), snapshot(before), snapshot(percents))))
                        .thenReturn(percents)));
    }

    public Mono<PricingSettings> settings(Actor actor) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> settings.find(sql, tenant));
    }

    public Mono<PricingSettings> replaceSettings(Actor actor, int expectedVersion, String currency) {
        PricingAuthority.requireAdmin(actor);
        requireIso4217(currency);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> settings.find(sql, tenant).flatMap(before -> settings
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

    private static Map<String, String> snapshot(SurchargePercents percents) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (TimeClass timeClass : TimeClass.values()) {
            if (timeClass != TimeClass.WEEKDAY_DAYTIME) {
                BigDecimal percent = percents.percent(timeClass);
                snapshot.put(Slugs.of(timeClass), Money.round(percent).toPlainString());
            }
        }
        return snapshot;
    }
}
