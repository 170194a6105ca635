package com.agencyhub.shared.web.json;

import com.agencyhub.shared.web.CleanText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text as JSON strings only (no numbers or booleans turned into text), and without NUL or unpaired surrogate
 * characters: PostgreSQL text cannot hold NUL, and a lone surrogate would be stored as "?".
 */
final class CleanTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(tools.jackson.core.JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getString();
        if (!CleanText.isClean(text)) {
            throw new RefusedValueException(parser, text, String.class, CleanText.RULE, "invalid-character");
        }
        return text;
    }
}
