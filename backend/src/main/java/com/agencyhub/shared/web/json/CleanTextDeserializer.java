package com.agencyhub.shared.web.json;

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
        if (!isClean(text)) {
            throw new RefusedValueException(parser, text, String.class,
                    "must not contain NUL characters or unpaired surrogates", "invalid-character");
        }
        return text;
    }

    static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
