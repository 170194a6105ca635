package com.agencyhub.calendar.internal;

import com.agencyhub.calendar.PostVariant;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * A post's variants as stored in post.variants: the records as Jackson writes them, enums by name. A mapper of its
 * own, so that the web's JSON settings never change what is stored.
 */
final class VariantsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PostVariant>> VARIANTS = new TypeReference<>() {
    };

    private VariantsJson() {
    }

    static JSONB write(List<PostVariant> variants) {
        return JSONB.valueOf(JSON.writeValueAsString(variants));
    }

    static List<PostVariant> read(String stored) {
        return JSON.readValue(stored, VARIANTS);
    }

    /** The stored variants as plain maps and lists, for the brand export. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> asList(JSONB stored) {
        return JSON.readValue(stored.data(), List.class);
    }

    /** A document that the stored variants contain when one of them is for the platform. */
    static JSONB withPlatform(String platform) {
        return JSONB.valueOf(JSON.writeValueAsString(List.of(Map.of("platform", platform))));
    }
}
