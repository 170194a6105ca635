package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.testsupport.HoursRows.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The reports' sums over entries written in SQL: by month of the work date, adjustments with their sign. */
class TrackedTimeTest extends ApiTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    private TrackedTime tracked;

    @Test
    void sumsAMonthPerActivityBrandAndMemberAndTheBillableMinutesPerMonth() {
        TestAgency agency = newAgency("tracked");
        UUID brand = newBrand(agency, "Tracked");
        UUID otherBrand = newBrand(agency, "Other");
        UUID member = agency.admin().value();
        UUID colleague = newStaffMember(agency, "Cora", "Colleague");
        UUID community = activity(agency, "community-management");
        UUID content = activity(agency, "content-creation");
        UUID october = entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 10, 31), 120, true,
                "170.00", "90.00", null);
        entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 11, 1), 90, true, "127.50", "67.50", null);
        entry(agency.tenant(), colleague, brand, community, LocalDate.of(2026, 11, 30), 45, false, "0.00", "33.75",
                null);
        entry(agency.tenant(), colleague, brand, content, LocalDate.of(2026, 11, 15), 60, true, "95.00", "45.00",
                null);
        // October is closed: its correction takes 30 minutes back in November
        entry(agency.tenant(), member, brand, community, LocalDate.of(2026, 11, 20), -30, true, "-42.50", "-22.50",
                october);
        entry(agency.tenant(), member, otherBrand, content, LocalDate.of(2026, 12, 1), 15, true, "21.25", "11.25",
                null);
        // another agency's entries in the same month are never counted
        TestAgency other = newAgency("tracked-other");
        entry(other.tenant(), other.admin().value(), newBrand(other, "Foreign"),
                activity(other, "community-management"), LocalDate.of(2026, 11, 2), 600, true, "850.00",
                "450.00", null);

        assertThat(tracked.byActivity(agency.tenant(), new BrandId(brand), NOVEMBER).block())
                .containsExactlyInAnyOrder(
                        new TrackedActivity(new ActivityId(community), new TrackedFigures(60, 45, new BigDecimal("85.00"),
                                new BigDecimal("78.75"))),
                        new TrackedActivity(new ActivityId(content), new TrackedFigures(60, 0, new BigDecimal("95.00"),
                                new BigDecimal("45.00"))));
        assertThat(tracked.byBrand(agency.tenant(), NOVEMBER).block()).containsExactly(
                new TrackedBrand(new BrandId(brand), new TrackedFigures(120, 45, new BigDecimal("180.00"),
                        new BigDecimal("123.75"))));
        assertThat(tracked.byMember(agency.tenant(), NOVEMBER).block()).containsExactlyInAnyOrder(
                new TrackedMember(agency.admin(), new TrackedFigures(60, 0, new BigDecimal("85.00"),
                        new BigDecimal("45.00"))),
                new TrackedMember(new com.agencyhub.shared.UserId(colleague), new TrackedFigures(60, 45,
                        new BigDecimal("95.00"), new BigDecimal("78.75"))));
        assertThat(tracked.billableByMonth(agency.tenant(), List.of(new BrandId(brand), new BrandId(otherBrand)),
                YearMonth.of(2026, 10), YearMonth.of(2027, 1)).block()).containsExactlyInAnyOrder(
                new TrackedMonth(new BrandId(brand), YearMonth.of(2026, 10), 120),
                new TrackedMonth(new BrandId(brand), NOVEMBER, 120),
                new TrackedMonth(new BrandId(otherBrand), YearMonth.of(2026, 12), 15));
        assertThat(tracked.byBrand(agency.tenant(), YearMonth.of(2026, 9)).block()).isEmpty();
    }
}
