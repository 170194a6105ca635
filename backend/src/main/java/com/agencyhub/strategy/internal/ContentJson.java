package com.agencyhub.strategy.internal;

import com.agencyhub.strategy.StrategyContent;
import org.jooq.JSONB;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A version's content as stored in strategy_version.content: the content records as JSON. */
final class ContentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentJson() {
    }

    static JSONB write(StrategyContent content) {
        return JSONB.valueOf(JSON.writeValueAsString(content));
    }

    static StrategyContent read(JSONB stored) {
        return JSON.readValue(stored.data(), StrategyContent.class);
    }

    /** One list of the stored document, read alone (e.g. {@code content -> 'pillars'}); none when absent. */
    static <T> List<T> readList(JSONB stored, TypeReference<List<T>> type) {
        return stored == null ? List.of() : JSON.readValue(stored.data(), type);
    }

    /** One object of the stored document, read alone (e.g. {@code content -> 'monitoring'}). */
    static <T> T readPart(JSONB stored, Class<T> type) {
        return JSON.readValue(stored.data(), type);
    }

    /** The stored document as plain maps and lists, for the brand export. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JSONB stored) {
        return JSON.readValue(stored.data(), Map.class);
    }
}
