package com.agencyhub.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** What an update does to one rate of a row: keep it, unset it (a less specific row supplies it) or set it. */
public record RateChange(boolean keep, BigDecimal value) {

    public static final RateChange KEEP = new RateChange(true, null);
    public static final RateChange UNSET = new RateChange(false, null);

    public static RateChange to(BigDecimal value) {
        return new RateChange(false, Objects.requireNonNull(value, "value"));
    }

    BigDecimal applyTo(BigDecimal current) {
        return keep ? current : value;
    }
}
