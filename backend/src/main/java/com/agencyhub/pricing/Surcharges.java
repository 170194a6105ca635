package com.agencyhub.pricing;

import com.agencyhub.audit.AuditActor;
import com.agencyhub.audit.AuditEntry;
import com.agencyhub.audit.AuditLog;
import com.agencyhub.pricing.internal.SurchargeRepository;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agency's surcharges per time class, set by its admins as a whole. */
@Service
public class Surcharges {

    private final SurchargeRepository repository;
    private final Transactions transactions;
    private final AuditLog audit;

    Surcharges(SurchargeRepository repository, Transactions transactions, AuditLog audit) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Mono<SurchargePercents> get(Actor actor) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.percents(sql, tenant));
    }

    /** Replaces all four surcharges (a class left out of {@code percents} has none). */
    public Mono<SurchargePercents> replace(Actor actor, SurchargePercents percents) {
        PricingAuthority.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> repository.percents(sql, tenant)
                .flatMap(before -> repository.replace(sql, tenant, percents.byClass())
                        .then(audit.record(sql, tenant, AuditActor.of(actor), new AuditEntry("surcharges.replaced",
                                "surcharges", tenant.value(), snapshot(before), snapshot(percents))))
                        .thenReturn(percents)));
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
