package com.agencyhub.contracts.internal;

import com.agencyhub.contracts.QuoteParameters;
import com.agencyhub.contracts.StoredQuoteParameters;
import com.agencyhub.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static com.agencyhub.jooq.Tables.QUOTE_SETTINGS;

/** The agency's quote parameters; an agency without a row has the defaults at version 0. */
@Repository
public class QuoteSettingsRepository {

    public Mono<StoredQuoteParameters> find(DSLContext sql, TenantId tenant) {
        return Mono.from(sql.select(QUOTE_SETTINGS.PARAMETERS, QUOTE_SETTINGS.VERSION).from(QUOTE_SETTINGS)
                        .where(QUOTE_SETTINGS.TENANT_ID.eq(tenant.value())))
                .map(row -> new StoredQuoteParameters(QuoteJson.parameters(row.value1()), row.value2()))
                .defaultIfEmpty(new StoredQuoteParameters(QuoteParameters.DEFAULTS, 0));
    }

    /** Stores the parameters if the stored version is still {@code expectedVersion}; empty otherwise. */
    public Mono<StoredQuoteParameters> replace(DSLContext sql, TenantId tenant, int expectedVersion,
                                               QuoteParameters parameters) {
        Mono<Integer> written = expectedVersion == 0
                ? Mono.from(sql.insertInto(QUOTE_SETTINGS)
                        .set(QUOTE_SETTINGS.TENANT_ID, tenant.value())
                        .set(QUOTE_SETTINGS.PARAMETERS, QuoteJson.write(parameters))
                        .onConflictDoNothing())
                : Mono.from(sql.update(QUOTE_SETTINGS)
                        .set(QUOTE_SETTINGS.PARAMETERS, QuoteJson.write(parameters))
                        .set(QUOTE_SETTINGS.VERSION, QUOTE_SETTINGS.VERSION.plus(1))
                        .set(QUOTE_SETTINGS.UPDATED_AT, DSL.currentInstant())
                        .where(QUOTE_SETTINGS.TENANT_ID.eq(tenant.value())
                                .and(QUOTE_SETTINGS.VERSION.eq(expectedVersion))));
        return written.filter(count -> count == 1).flatMap(count -> find(sql, tenant));
    }
}
