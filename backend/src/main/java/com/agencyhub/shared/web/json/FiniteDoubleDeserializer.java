package com.agencyhub.shared.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/** JSON numbers only, and finite: {@code 1e309} would otherwise become Infinity and be stored as "Infinity". */
final class FiniteDoubleDeserializer extends StdScalarDeserializer<Double> {

    FiniteDoubleDeserializer() {
        super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return (Double) context.handleUnexpectedToken(Double.class, parser);
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new RefusedValueException(parser, parser.getText(), Double.class, "must be a finite number",
                    "range");
        }
        return value;
    }
}
