package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IsoWeekTest {

    @Test
    void isoWeeksFollowIso8601AcrossYearEnds() {
        assertThat(IsoWeek.parse("2026-W53").orElseThrow().monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(IsoWeek.parse("2026-W53").orElseThrow().plusWeeks(1)).isEqualTo(new IsoWeek(2027, 1));
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 3))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(IsoWeek.of(LocalDate.of(2024, 12, 30)).toString()).isEqualTo("2025-W01");
        assertThat(IsoWeek.parse("2027-W53")).isEmpty();
        assertThat(IsoWeek.parse("2027-W00")).isEmpty();
        assertThat(IsoWeek.parse("2027-10")).isEmpty();
    }
}
