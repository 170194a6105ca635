package com.agencyhub.pricing;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.RegionHolidays;
import com.agencyhub.shared.calendar.TimeClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The worked examples of docs/pricing.md: time classes, surcharges and the rounding rule, without a database. */
class PricingArithmeticTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BrandTimeClasses ALPENMILCH = new BrandTimeClasses(BERLIN, RegionHolidays.of("DE"));
    private static final SurchargePercents SURCHARGES = new SurchargePercents(Map.of(
            TimeClass.WEEKDAY_EVENING, new BigDecimal("15"), TimeClass.NIGHT, new BigDecimal("40"),
            TimeClass.WEEKEND, new BigDecimal("25"), TimeClass.HOLIDAY, new BigDecimal("50")));

    private static final BrandId BRAND = new BrandId(UUID.randomUUID());
    private static final ActivityId COMMUNITY = new ActivityId(UUID.randomUUID());
    private static final ActivityId REPORTING = new ActivityId(UUID.randomUUID());
    private static final UserId LEA = new UserId(UUID.randomUUID());

    @Test
    void ninetyMinutesOnASaturdayAtEightyWithAQuarterWeekendSurcharge() {
        PricedTime priced = price(rates("80.00", "40.00"), between("2026-12-05T10:00", "2026-12-05T11:30"), true);

        assertThat(priced).isEqualTo(new PricedTime(new BigDecimal("80.00"), new BigDecimal("40.00"),
                new BigDecimal("30.00"), new BigDecimal("150.00"), new BigDecimal("60.00")));
    }

    @Test
    void anEveningEntryIsSurchargedOnlyAfterSixOClock() {
        TimeToPrice wednesday = between("2026-12-02T17:00", "2026-12-02T19:00");

        assertThat(ALPENMILCH.minutesByClass(wednesday))
                .isEqualTo(Map.of(TimeClass.WEEKDAY_DAYTIME, 60L, TimeClass.WEEKDAY_EVENING, 60L));
        PricedTime priced = price(rates("80.00", null), wednesday, true);
        // 2 h × 80.00 = 160.00, plus 15 % of the one evening hour at 80.00 = 12.00
        assertThat(priced.surchargeAmount()).isEqualByComparingTo("12.00");
        assertThat(priced.billAmount()).isEqualByComparingTo("172.00");
        assertThat(priced.costAmount()).isEqualByComparingTo("0.00");
    }

    @Test
    void aLateEntryRunsFromEveningIntoNight() {
        TimeToPrice wednesday = between("2026-12-02T21:30", "2026-12-02T23:00");

        assertThat(ALPENMILCH.minutesByClass(wednesday))
                .isEqualTo(Map.of(TimeClass.WEEKDAY_EVENING, 30L, TimeClass.NIGHT, 60L));
        // 30 min × 80.00 × 15 % = 6.00, 60 min × 80.00 × 40 % = 32.00
        assertThat(price(rates("80.00", null), wednesday, true).surchargeAmount()).isEqualByComparingTo("38.00");
    }

    @Test
    void aDateEntryTakesTheClassOfItsWholeDate() {
        assertThat(ALPENMILCH.classOf(LocalDate.parse("2026-12-02"))).isEqualTo(TimeClass.WEEKDAY_DAYTIME);
        assertThat(ALPENMILCH.classOf(LocalDate.parse("2026-12-06"))).isEqualTo(TimeClass.WEEKEND);
        // Christmas Day, a Friday: the holiday outranks the weekday (and would outrank a weekend)
        assertThat(ALPENMILCH.classOf(LocalDate.parse("2026-12-25"))).isEqualTo(TimeClass.HOLIDAY);

        PricedTime christmas = price(rates("80.00", "40.00"), new TimeToPrice.OnDate(LocalDate.parse("2026-12-25"),
                120), true);
        assertThat(christmas.surchargeAmount()).isEqualByComparingTo("80.00");
        assertThat(christmas.billAmount()).isEqualByComparingTo("240.00");
    }

    @Test
    void aThirdOfAnHourIsRoundedOnceHalfUpToTheCent() {
        assertThat(Money.of(20, new BigDecimal("80.00"))).isEqualTo(new BigDecimal("26.67"));
        assertThat(Money.of(20, new BigDecimal("85.00"))).isEqualTo(new BigDecimal("28.33"));
        // exactly half a cent goes up, away from zero also for time taken back
        assertThat(Money.of(1, new BigDecimal("0.30"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.of(-1, new BigDecimal("0.30"))).isEqualTo(new BigDecimal("-0.01"));
        // three stored entries of 20 minutes add up to a cent more than one entry of an hour: totals add stored amounts
        BigDecimal thirds = Money.sum(List.of(Money.of(20, new BigDecimal("80.00")),
                Money.of(20, new BigDecimal("80.00")), Money.of(20, new BigDecimal("80.00"))));
        assertThat(thirds).isEqualTo(new BigDecimal("80.01"));
    }

    @Test
    void surchargesOfSeveralClassesAreRoundedOnceTogether() {
        // 20 evening minutes and 20 night minutes at 85.00: 4.25 + 11.333… = 15.5833… → 15.58 (not 4.25 + 11.33)
        assertThat(Money.surcharge(Map.of(TimeClass.WEEKDAY_EVENING, 20L, TimeClass.NIGHT, 20L),
                new BigDecimal("85.00"), SURCHARGES.byClass())).isEqualTo(new BigDecimal("15.58"));
    }

    @Test
    void withoutAnyRateTimeIsPricedAtZero() {
        ResolvedRates none = ResolvedRates.resolve(List.of(), BRAND, COMMUNITY, LEA);

        assertThat(none.billRate()).isEqualTo(Money.ZERO);
        assertThat(none.costRate()).isEqualTo(Money.ZERO);
        assertThat(none.billRateSet()).isFalse();
        assertThat(price(none, between("2026-12-05T10:00", "2026-12-05T11:30"), true))
                .isEqualTo(new PricedTime(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    @Test
    void timeThatIsNotBillableHasCostButNoBillAmount() {
        PricedTime priced = price(rates("80.00", "40.00"), between("2026-12-05T10:00", "2026-12-05T11:30"), false);

        assertThat(priced).isEqualTo(new PricedTime(new BigDecimal("80.00"), new BigDecimal("40.00"), Money.ZERO,
                Money.ZERO, new BigDecimal("60.00")));
    }

    @Test
    void anAdjustmentTakingTimeBackHasNegativeAmounts() {
        PricedTime priced = price(rates("80.00", "40.00"), new TimeToPrice.OnDate(LocalDate.parse("2026-12-05"),
                -30), true);

        assertThat(priced.billAmount()).isEqualByComparingTo("-50.00");
        assertThat(priced.surchargeAmount()).isEqualByComparingTo("-10.00");
        assertThat(priced.costAmount()).isEqualByComparingTo("-20.00");
    }

    @Test
    void theMostSpecificRowWinsSeparatelyForBillAndCost() {
        Rate agency = rate(null, null, null, "85.00", "45.00");
        Rate brand = rate(BRAND, null, null, "95.00", null);
        Rate brandCommunity = rate(BRAND, COMMUNITY, null, "110.00", null);
        Rate community = rate(null, COMMUNITY, null, "100.00", "50.00");
        Rate leaCost = rate(null, null, LEA, null, "55.00");
        Rate otherBrand = rate(new BrandId(UUID.randomUUID()), null, null, "200.00", "90.00");
        List<Rate> rows = List.of(agency, brand, brandCommunity, community, leaCost, otherBrand);

        ResolvedRates lea = ResolvedRates.resolve(rows, BRAND, COMMUNITY, LEA);
        assertThat(lea.billRate()).isEqualTo(new BigDecimal("110.00"));
        assertThat(lea.billFrom()).isEqualTo(brandCommunity);
        // the member's row sets no bill rate: it falls through for the bill rate, and wins for the cost rate
        assertThat(lea.costRate()).isEqualTo(new BigDecimal("55.00"));
        assertThat(lea.costFrom()).isEqualTo(leaCost);
        assertThat(lea.applicable()).containsExactly(leaCost, brandCommunity, community, brand, agency);

        ResolvedRates reporting = ResolvedRates.resolve(rows, BRAND, REPORTING, null);
        assertThat(reporting.billFrom()).isEqualTo(brand);
        assertThat(reporting.costFrom()).isEqualTo(agency);
    }

    @Test
    void plannedHoursArePricedWithTheSurchargeOfTheirTimeClass() {
        PricedLine weekend = TimePricing.line(new PlannedHours(COMMUNITY, TimeClass.WEEKEND, new BigDecimal("10")),
                rates("80.00", null), SURCHARGES);
        PricedLine daytime = TimePricing.line(new PlannedHours(COMMUNITY, TimeClass.WEEKDAY_DAYTIME,
                new BigDecimal("1.33")), rates("85.00", null), SURCHARGES);

        assertThat(weekend.surchargePercent()).isEqualByComparingTo("25");
        assertThat(weekend.amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(daytime.surchargePercent()).isEqualByComparingTo("0");
        assertThat(daytime.amount()).isEqualTo(new BigDecimal("113.05"));
    }

    @Test
    void onlyWholeMinutesArePriced() {
        assertThatThrownBy(() -> new TimeToPrice.Interval(Instant.parse("2026-12-02T10:00:30Z"),
                Instant.parse("2026-12-02T11:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeToPrice.Interval(Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T10:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static PricedTime price(ResolvedRates rates, TimeToPrice time, boolean billable) {
        return TimePricing.price(rates, SURCHARGES, ALPENMILCH.minutesByClass(time), billable);
    }

    private static ResolvedRates rates(String bill, String cost) {
        return ResolvedRates.resolve(List.of(rate(null, null, null, bill, cost)), BRAND, COMMUNITY, LEA);
    }

    private static Rate rate(BrandId brand, ActivityId activity, UserId member, String bill, String cost) {
        return new Rate(new RateId(UUID.randomUUID()), brand, activity, member,
                bill == null ? null : new BigDecimal(bill), cost == null ? null : new BigDecimal(cost), 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static TimeToPrice between(String localStart, String localEnd) {
        return new TimeToPrice.Interval(LocalDateTime.parse(localStart).atZone(BERLIN).toInstant(),
                LocalDateTime.parse(localEnd).atZone(BERLIN).toInstant());
    }
}
