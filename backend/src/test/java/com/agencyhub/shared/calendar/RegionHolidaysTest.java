package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RegionHolidaysTest {

    @Test
    void christmasDayAndBoxingDayArePublicHolidaysInGermanyChristmasEveIsNot() {
        Holidays germany = RegionHolidays.of("DE");
        assertThat(germany.isHoliday(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(germany.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(germany.isHoliday(LocalDate.of(2026, 12, 26))).isTrue();
        assertThat(germany.isHoliday(LocalDate.of(2026, 12, 27))).isFalse();
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        assertThat(RegionHolidays.of("DE").isHoliday(epiphany)).isFalse();
        assertThat(RegionHolidays.of("DE-BY").isHoliday(epiphany)).isTrue();
        assertThat(RegionHolidays.of("de-by")).isSameAs(RegionHolidays.of("DE-BY"));
    }
}
