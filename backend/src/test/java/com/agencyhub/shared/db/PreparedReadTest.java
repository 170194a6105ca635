package com.agencyhub.shared.db;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.BRAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads rendered once: values checked against their placeholders, and written in as literals only for ids and numbers. */
class PreparedReadTest {

    private static final UUID AGENCY = UUID.fromString("8d7f2c1e-5b7a-4e0c-9a61-3f4b2d1c0e9a");
    private static final UUID BRAND_ID = UUID.fromString("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0");

    private final PreparedRead byIds = PreparedRead.of(DSL.select(BRAND.NAME).from(BRAND)
            .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class)))
            .and(BRAND.ID.eq(DSL.any(DSL.param(UUID[].class))))
            .and(BRAND.VERSION.gt(DSL.param(Integer.class))));

    @Test
    void idsAndNumbersAreWrittenInAsTypedLiteralsInTheOrderOfTheirPlaceholders() {
        assertThat(byIds.inlinable()).isTrue();
        String sql = byIds.inlined(Arrays.asList(AGENCY, new UUID[] {BRAND_ID, AGENCY}, -3));

        assertThat(sql).doesNotContain("$")
                .contains("'" + AGENCY + "'::uuid")
                .contains("'{" + BRAND_ID + "," + AGENCY + "}'::uuid[]")
                .contains("'-3'::int4");
        assertThat(sql.indexOf(AGENCY + "'::uuid")).isLessThan(sql.indexOf("'{" + BRAND_ID));
        assertThat(sql.replace("'" + AGENCY + "'::uuid", "$1").replace("'{" + BRAND_ID + "," + AGENCY + "}'::uuid[]", "$2")
                .replace("'-3'::int4", "$3")).isEqualTo(byIds.sql());
    }

    @Test
    void nullsAndEmptyArraysKeepTheirType() {
        String sql = byIds.inlined(Arrays.asList(AGENCY, new UUID[0], null));
        assertThat(sql).contains("'{}'::uuid[]").contains("NULL::int4");
    }

    @Test
    void textIsAlwaysBoundNeverWrittenIn() {
        PreparedRead byName = PreparedRead.of(DSL.select(BRAND.ID).from(BRAND)
                .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class))).and(BRAND.NAME.eq(DSL.param(String.class))));
        assertThat(byName.inlinable()).isFalse();
        assertThatThrownBy(() -> byName.inlined(List.of(AGENCY, "x' or true --")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesMustFitThePlaceholders() {
        assertThatThrownBy(() -> byIds.check(List.of(AGENCY, new UUID[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expected 3 values");
        assertThatThrownBy(() -> byIds.check(List.of(AGENCY, AGENCY, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("should be a UUID[]");
    }
}
