package com.agencyhub.shared.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Dates and date-times exactly as RFC 3339 (the contract's {@code format: date} and {@code date-time}) writes them:
 * a four-digit year, so {@code +99999-12-31} is refused rather than stored and served.
 */
final class Rfc3339Deserializers {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339Deserializers() {
    }

    static StdScalarDeserializer<LocalDate> localDate() {
        return new Strict<>(LocalDate.class, DATE, LocalDate::parse, "must be an RFC 3339 date such as 2026-12-31");
    }

    static StdScalarDeserializer<OffsetDateTime> offsetDateTime() {
        return new Strict<>(OffsetDateTime.class, DATE_TIME, OffsetDateTime::parse,
                "must be an RFC 3339 date-time such as 2026-03-29T08:00:00Z");
    }

    private static final class Strict<T> extends StdScalarDeserializer<T> {

        private final Pattern form;
        private final Function<String, T> parse;
        private final String rule;

        Strict(Class<T> type, Pattern form, Function<String, T> parse, String rule) {
            super(type);
            this.form = form;
            this.parse = parse;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) context.handleUnexpectedToken(handledType(), parser);
                return unexpected;
            }
            String text = parser.getString();
            if (form.matcher(text).matches()) {
                try {
                    return parse.apply(text.toUpperCase(java.util.Locale.ROOT));
                } catch (DateTimeParseException impossible) {
                    // 2026-02-30 and the like: answered below
                }
            }
            throw new RefusedValueException(parser, text, handledType(), rule, "format");
        }
    }
}
