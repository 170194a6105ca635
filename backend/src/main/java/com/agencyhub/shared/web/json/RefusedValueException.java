package com.agencyhub.shared.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON value of the right type that we still refuse; carries the field error's message and code. */
public final class RefusedValueException extends InvalidFormatException {

    private final String reason;
    private final String code;

    RefusedValueException(JsonParser parser, Object value, Class<?> type, String reason, String code) {
        super(parser, reason, value, type);
        this.reason = reason;
        this.code = code;
    }

    public String reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
