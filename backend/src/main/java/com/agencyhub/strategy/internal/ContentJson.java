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

    static List<StrategyContent.ChannelPlanRow> readChannelPlan(JSONB stored) {
        return stored == null ? List.of() : JSON.readValue(stored.data(), new TypeReference<>() {
        });
    }

    static List<StrategyContent.ContentPillar> readPillars(JSONB stored) {
        return stored == null ? List.of() : JSON.readValue(stored.data(), new TypeReference<>() {
        });
    }

    /** The stored document as plain maps and lists, for the brand export. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JSONB stored) {
        return JSON.readValue(stored.data(), Map.class);
    }
}
