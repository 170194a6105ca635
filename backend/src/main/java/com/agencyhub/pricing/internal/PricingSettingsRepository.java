package com.agencyhub.pricing.internal;

import com.agencyhub.pricing.PricingSettings;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static com.agencyhub.jooq.Tables.PRICING_SETTINGS;

@Repository
public class PricingSettingsRepository {

    /** The agency's settings; the defaults (EUR, version 0) while it has no row. */
    public Mono<PricingSettings> find(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.selectFrom(PRICING_SETTINGS).where(PRICING_SETTINGS.TENANT_ID.eq(tenant.value())))
                .map(row -> new PricingSettings(row.getCurrency(), row.getVersion()))
                .defaultIfEmpty(PricingSettings.DEFAULT);
    }

    /** Writes the currency at the expected version (0: no row yet); empty when the version is stale. */
    public Mono<PricingSettings> save(DSLContext sql, TenantId tenant, int expectedVersion, String currency) {
        if (expectedVersion == PricingSettings.DEFAULT.version()) {
            return Mono.from(sql.insertInto(PRICING_SETTINGS)
                            .set(PRICING_SETTINGS.TENANT_ID, tenant.value())
                            .set(PRICING_SETTINGS.CURRENCY, currency)
                            .onConflictDoNothing()
                            .returning())
                    .map(row -> new PricingSettings(row.getCurrency(), row.getVersion()));
        }
        return Mono.from(sql.update(PRICING_SETTINGS)
                        .set(PRICING_SETTINGS.CURRENCY, currency)
                        .set(PRICING_SETTINGS.VERSION, PRICING_SETTINGS.VERSION.plus(1))
                        .set(PRICING_SETTINGS.UPDATED_AT, DSL.currentInstant())
                        .where(PRICING_SETTINGS.TENANT_ID.eq(tenant.value())
                                .and(PRICING_SETTINGS.VERSION.eq(expectedVersion)))
                        .returning())
                .map(row -> new PricingSettings(row.getCurrency(), row.getVersion()));
    }
}
