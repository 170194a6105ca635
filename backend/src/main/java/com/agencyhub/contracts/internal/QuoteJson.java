package com.agencyhub.contracts.internal;

import com.agencyhub.contracts.Quote;
import com.agencyhub.contracts.QuoteParameters;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quotes kept with contracts and the agency's quote parameters, as stored in jsonb: the records as Jackson writes
 * them. A mapper of its own, so that the web's JSON settings never change what is stored.
 */
final class QuoteJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuoteJson() {
    }

    static JSONB write(Quote quote) {
        return quote == null ? null : JSONB.valueOf(JSON.writeValueAsString(quote));
    }

    static Quote read(JSONB stored) {
        return stored == null ? null : JSON.readValue(stored.data(), Quote.class);
    }

    static JSONB write(QuoteParameters parameters) {
        return JSONB.valueOf(JSON.writeValueAsString(parameters));
    }

    /** Stored parameters over the defaults: {@code {}} (a row never set) means the documented defaults. */
    @SuppressWarnings("unchecked")
    static QuoteParameters parameters(JSONB stored) {
        Map<String, Object> merged = new LinkedHashMap<>(JSON.convertValue(QuoteParameters.DEFAULTS, Map.class));
        merged.putAll(JSON.readValue(stored.data(), Map.class));
        return new QuoteParameters(((Number) merged.get("monitoringEffortPercent")).intValue(),
                decimal(merged.get("strategyPlanningHoursPerMonth")), decimal(merged.get("reportingHoursPerMonth")),
                decimal(merged.get("meetingsHoursPerMonth")));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
