package com.agencyhub.contracts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What happens to a month's unused planned hours: they lapse ({@link #NONE}), or up to {@code capHours} of them are
 * added to the next month's planned hours ({@link Rule#CAPPED}).
 */
public record CarryOver(Rule rule, BigDecimal capHours) {

    public enum Rule { NONE, CAPPED }

    public static final CarryOver NONE = new CarryOver(Rule.NONE, null);

    public CarryOver {
        Objects.requireNonNull(rule, "rule");
        if ((rule == Rule.CAPPED) != (capHours != null)) {
            throw new IllegalArgumentException("a capped carry-over has cap hours, no other has");
        }
        if (capHours != null && capHours.signum() <= 0) {
            throw new IllegalArgumentException("the cap is positive");
        }
    }

    public static CarryOver capped(BigDecimal capHours) {
        return new CarryOver(Rule.CAPPED, capHours);
    }

    /** The hours carried into the next month when {@code unusedHours} of a month were not used. */
    public BigDecimal carried(BigDecimal unusedHours) {
        if (rule == Rule.NONE || unusedHours.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return unusedHours.min(capHours);
    }
}
