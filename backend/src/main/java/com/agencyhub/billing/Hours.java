package com.agencyhub.billing;

import com.agencyhub.pricing.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reports' arithmetic on exact decimals. Hours are worked out in minutes (planned hours × 60 is exact) and
 * rounded only to be shown: hours to two decimals, percents to one, amounts to the cent, each half up and once.
 */
public final class Hours {

    static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Hours() {
    }

    static BigDecimal minutes(BigDecimal hours) {
        return hours.multiply(MINUTES_PER_HOUR);
    }

    /** Minutes as hours to show: two decimals, half up. */
    public static BigDecimal hours(BigDecimal minutes) {
        return minutes.divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal hours(long minutes) {
        return hours(BigDecimal.valueOf(minutes));
    }

    /** Minutes (exact, possibly fractional) at an hourly rate, rounded once by {@link Money}'s rule. */
    static BigDecimal amount(BigDecimal minutes, BigDecimal ratePerHour) {
        return minutes.multiply(ratePerHour).divide(MINUTES_PER_HOUR, Money.SCALE, Money.ROUNDING);
    }

    /** {@code part} of {@code whole} in percent with one decimal, half up; null when the whole is not positive. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? null : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
