package com.agencyhub.guidelines.internal;

import com.agencyhub.guidelines.GuidelineContent;
import org.jooq.JSONB;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content as stored in guideline_version.content: the records as Jackson writes them, enums by name. A mapper
 * of its own, so that the web's JSON settings never change what is stored.
 */
final class ContentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContentJson() {
    }

    static JSONB write(GuidelineContent content) {
        return JSONB.valueOf(JSON.writeValueAsString(content));
    }

    static GuidelineContent read(JSONB stored) {
        return JSON.readValue(stored.data(), GuidelineContent.class);
    }

    /** The stored document as plain maps and lists, for the brand export. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(JSONB stored) {
        return JSON.readValue(stored.data(), Map.class);
    }
}
