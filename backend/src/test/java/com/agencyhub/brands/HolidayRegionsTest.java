package com.agencyhub.brands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayRegionsTest {

    private final HolidayRegions regions = new HolidayRegions();

    @Test
    void countriesAndSubdivisionsOfTheDataSetAreKnown() {
        assertThat(regions.isKnown("DE")).isTrue();
        assertThat(regions.isKnown("DE-BY")).isTrue();
        assertThat(regions.isKnown("AT")).isTrue();
        assertThat(regions.require("holidayRegion", "de-by")).isEqualTo("DE-BY");
    }

    @Test
    void unknownRegionsAreNot() {
        assertThat(regions.isKnown("DE-XX")).isFalse();
        assertThat(regions.isKnown("QQ")).isFalse();
    }
}
