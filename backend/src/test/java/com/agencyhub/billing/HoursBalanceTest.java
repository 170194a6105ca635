package com.agencyhub.billing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The carry-over chain, overage and rounding of docs/billing-reports.md, on exact decimals. */
class HoursBalanceTest {

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    @Test
    void unusedHoursCarryIntoTheNextMonthUpToTheCapAndACarriedInMonthCanStillRunOver() {
        // 40 planned, cap 8: October uses 30 (10 unused, 8 carried), November 45 of 48 (3 carried), December 50 of 43
        List<Long> october = List.of(30 * 60L);
        List<Long> november = List.of(30 * 60L, 45 * 60L);
        List<Long> december = List.of(30 * 60L, 45 * 60L, 50 * 60L);

        HoursBalance first = HoursBalance.chain(hours("40"), hours("8"), october);
        assertThat(Hours.hours(first.carriedInMinutes())).isEqualByComparingTo("0");
        assertThat(Hours.hours(first.carriedOutMinutes())).isEqualByComparingTo("8.00");

        HoursBalance second = HoursBalance.chain(hours("40"), hours("8"), november);
        assertThat(Hours.hours(second.carriedInMinutes())).isEqualByComparingTo("8.00");
        assertThat(Hours.hours(second.availableMinutes())).isEqualByComparingTo("48.00");
        assertThat(Hours.hours(second.overageMinutes())).isEqualByComparingTo("0");
        assertThat(Hours.hours(second.carriedOutMinutes())).isEqualByComparingTo("3.00");

        HoursBalance third = HoursBalance.chain(hours("40"), hours("8"), december);
        assertThat(Hours.hours(third.availableMinutes())).isEqualByComparingTo("43.00");
        assertThat(Hours.hours(third.overageMinutes())).isEqualByComparingTo("7.00");
        assertThat(Hours.hours(third.carriedOutMinutes())).isEqualByComparingTo("0");
        assertThat(Hours.amount(third.overageMinutes(), hours("85.00"))).isEqualTo(hours("595.00"));
    }

    @Test
    void withoutCarryOverUnusedHoursLapse() {
        HoursBalance november = HoursBalance.chain(hours("40"), null, List.of(10 * 60L, 41 * 60L));
        assertThat(november.carriedInMinutes()).isEqualByComparingTo("0");
        assertThat(Hours.hours(november.overageMinutes())).isEqualByComparingTo("1.00");
        assertThat(november.carriedOutMinutes()).isEqualByComparingTo("0");
    }

    @Test
    void anAdjustmentThatTakesTimeBackLowersTheOverageOfTheMonthItIsBookedIn() {
        // 42 h 30 min billable, then -90 minutes corrected into the same (open) month
        HoursBalance before = HoursBalance.chain(hours("40"), null, List.of(42 * 60L + 30));
        HoursBalance after = HoursBalance.chain(hours("40"), null, List.of(42 * 60L + 30 - 90));
        assertThat(Hours.amount(before.overageMinutes(), hours("85.00"))).isEqualTo(hours("212.50"));
        assertThat(Hours.amount(after.overageMinutes(), hours("85.00"))).isEqualTo(hours("85.00"));
    }

    @Test
    void roundsOnceHalfUp() {
        // 1 minute at 85.00 is 1.41666… → 1.42; 7 minutes at 0.75 is 0.0875 → 0.09 (never via 0.09 × 7)
        assertThat(Hours.amount(BigDecimal.ONE, hours("85.00"))).isEqualTo(hours("1.42"));
        assertThat(Hours.amount(BigDecimal.valueOf(7), hours("0.75"))).isEqualTo(hours("0.09"));
        assertThat(Hours.hours(1)).isEqualTo(hours("0.02"));
        assertThat(Hours.hours(50)).isEqualTo(hours("0.83"));
        // 45 of 42 hours: 107.142… %
        assertThat(Hours.percent(BigDecimal.valueOf(45), BigDecimal.valueOf(42))).isEqualTo(hours("107.1"));
        assertThat(Hours.percent(BigDecimal.ONE, BigDecimal.valueOf(8))).isEqualTo(hours("12.5"));
        assertThat(Hours.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        // planned hours with two decimals are exact minutes: 0.01 h is 0.6 minutes
        assertThat(HoursBalance.chain(hours("0.01"), null, List.of(0L)).plannedMinutes()).isEqualByComparingTo("0.6");
    }
}
