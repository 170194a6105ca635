package com.agencyhub.pricing;

import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The agency's surcharges in percent of the bill rate, per time class; a class without one (and weekday daytime,
 * always) has none.
 */
public record SurchargePercents(Map<TimeClass, BigDecimal> byClass) {

    public static final SurchargePercents NONE = new SurchargePercents(Map.of());

    public SurchargePercents {
        if (byClass.containsKey(TimeClass.WEEKDAY_DAYTIME)) {
            throw new IllegalArgumentException("weekday daytime carries no surcharge");
        }
        byClass = byClass.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byClass));
    }

    public BigDecimal percent(TimeClass timeClass) {
        return byClass.getOrDefault(timeClass, Money.ZERO);
    }
}
