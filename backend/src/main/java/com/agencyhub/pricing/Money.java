package com.agencyhub.pricing;

import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The one rounding rule for money: an amount is computed exactly in decimal arithmetic and rounded once, half up to
 * the cent, for the row it is stored on; totals add rounded amounts and are never rounded again. Rates are per hour
 * with two decimals, durations in whole minutes, percents with up to two decimals.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** Rounds an exact amount to the cent, half up (a half cent away from zero: 0.005 → 0.01, −0.005 → −0.01). */
    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /** {@code minutes} at {@code ratePerHour}: minutes × rate / 60, rounded once. */
    public static BigDecimal of(long minutes, BigDecimal ratePerHour) {
        return BigDecimal.valueOf(minutes).multiply(ratePerHour).divide(MINUTES_PER_HOUR, SCALE, ROUNDING);
    }

    /** {@code hours} at {@code ratePerHour}, with {@code percent} surcharge on top: hours × rate × (1 + percent/100). */
    public static BigDecimal ofHours(BigDecimal hours, BigDecimal ratePerHour, BigDecimal percent) {
        return hours.multiply(ratePerHour).multiply(HUNDRED.add(percent)).divide(HUNDRED, SCALE, ROUNDING);
    }

    /**
     * The surcharges on {@code minutesByClass} at {@code ratePerHour}: the sum over the classes of minutes × rate ×
     * percent / 100 / 60, rounded once (classes without a percent add nothing).
     */
    public static BigDecimal surcharge(Map<TimeClass, Long> minutesByClass, BigDecimal ratePerHour,
                                       Map<TimeClass, BigDecimal> percents) {
        BigDecimal percentMinutes = BigDecimal.ZERO;
        for (Map.Entry<TimeClass, Long> part : minutesByClass.entrySet()) {
            BigDecimal percent = percents.getOrDefault(part.getKey(), BigDecimal.ZERO);
            percentMinutes = percentMinutes.add(percent.multiply(BigDecimal.valueOf(part.getValue())));
        }
        return percentMinutes.multiply(ratePerHour).divide(MINUTES_PER_HOUR.multiply(HUNDRED), SCALE, ROUNDING);
    }

    /** The sum of rounded amounts (stays at the cent). */
    public static BigDecimal sum(Iterable<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return total;
    }

    /** Whether {@code value} is a valid rate or amount as given: not negative, at most two decimals. */
    public static boolean isValidRate(BigDecimal value) {
        return value.signum() >= 0 && value.stripTrailingZeros().scale() <= SCALE;
    }
}
