package com.agencyhub.pricing;

import com.agencyhub.api.model.BrandDto;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Activities and rate resolution against the run's PostgreSQL, with RLS and the application role. */
class PricingDatabaseTest extends ApiTest {

    @Autowired
    private Activities activities;
    @Autowired
    private Pricing pricing;

    private TestAgency agency;
    private BrandId brand;
    private UserId lea;
    private Map<String, ActivityId> byKey;

    @BeforeEach
    void anAgencyWithABrandAndAMember() {
        agency = newAgency("pricing");
        brand = new BrandId(newBrand(agency, "Alpenmilch"));
        lea = new UserId(newStaffMember(agency, "Lea", "Roth"));
        byKey = activities.byKey(agency.tenant()).block();
    }

    @Test
    void aNewAgencyHasTheSixDefaultActivitiesInOrder() {
        List<Activity> listed = activities.list(agency.tenant()).block();

        assertThat(listed).extracting(Activity::key).containsExactly("strategy-planning", "content-creation",
                "community-management", "monitoring", "reporting", "meetings");
        assertThat(listed).extracting(Activity::position).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(listed).noneMatch(Activity::archived);
        assertThat(activities.requireActive(agency.tenant(), byKey.get("monitoring")).block().name())
                .isEqualTo("Monitoring");
    }

    @Test
    void anUnknownOrArchivedActivityIsRefusedNamingTheField() {
        ActivityId meetings = byKey.get("meetings");
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement archive = connection.prepareStatement(
                    "update activity set archived_at = now() where id = ?")) {
                archive.setObject(1, meetings.value());
                return archive.executeUpdate();
            }
        });
        TestAgency other = newAgency("pricing-other");
        ActivityId foreign = activities.byKey(other.tenant()).block().get("meetings");

        assertThatThrownBy(() -> activities.requireActive(agency.tenant(), meetings).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.violations())
                        .singleElement().satisfies(violation -> assertThat(violation.code())
                                .isEqualTo("archived-activity")));
        assertThatThrownBy(() -> activities.requireActive(agency.tenant(), foreign).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.violations())
                        .singleElement().satisfies(violation -> assertThat(violation.code())
                                .isEqualTo("unknown-activity")));
    }

    @Test
    void ratesResolveByMemberThenActivityThenBrandThenTheAgencyDefault() {
        ActivityId community = byKey.get("community-management");
        ActivityId reporting = byKey.get("reporting");
        UUID agencyDefault = rate(null, null, null, "85.00", "45.00");
        UUID brandRate = rate(brand, null, null, "95.00", null);
        UUID brandCommunity = rate(brand, community, null, "110.00", null);
        UUID leaCost = rate(null, null, lea, null, "55.00");
        BrandId otherBrand = new BrandId(newBrand(agency, "Bergkäse"));
        rate(otherBrand, null, null, "200.00", "90.00");

        ResolvedRates leaOnCommunity = pricing.resolve(agency.tenant(), brand, community, lea).block();
        assertThat(leaOnCommunity.billRate()).isEqualTo(new BigDecimal("110.00"));
        assertThat(leaOnCommunity.billFrom().id().value()).isEqualTo(brandCommunity);
        assertThat(leaOnCommunity.costRate()).isEqualTo(new BigDecimal("55.00"));
        assertThat(leaOnCommunity.costFrom().id().value()).isEqualTo(leaCost);
        assertThat(leaOnCommunity.applicable()).extracting(rate -> rate.id().value())
                .containsExactly(leaCost, brandCommunity, brandRate, agencyDefault);

        ResolvedRates onReporting = pricing.resolve(agency.tenant(), brand, reporting, null).block();
        assertThat(onReporting.billRate()).isEqualTo(new BigDecimal("95.00"));
        assertThat(onReporting.costRate()).isEqualTo(new BigDecimal("45.00"));
    }

    @Test
    void timeIsPricedWithTheResolvedRatesAndTheAgencysSurcharges() {
        ActivityId community = byKey.get("community-management");
        rate(null, null, null, "80.00", "40.00");
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement surcharge = connection.prepareStatement(
                    "insert into surcharge (tenant_id, time_class, percent) values (?, 'weekend', 25)")) {
                surcharge.setObject(1, agency.tenant().value());
                return surcharge.executeUpdate();
            }
        });

        // Saturday 5 December 2026, 10:00–11:30 in Berlin
        PricedTime saturday = pricing.priceTime(agency.tenant(), brand, community, lea, new TimeToPrice.Interval(
                Instant.parse("2026-12-05T09:00:00Z"), Instant.parse("2026-12-05T10:30:00Z")), true).block();
        assertThat(saturday).isEqualTo(new PricedTime(new BigDecimal("80.00"), new BigDecimal("40.00"),
                new BigDecimal("30.00"), new BigDecimal("150.00"), new BigDecimal("60.00")));

        PricedLines lines = pricing.priceLines(agency.tenant(), brand, List.of(
                new PlannedHours(community, TimeClass.WEEKDAY_DAYTIME, new BigDecimal("20")),
                new PlannedHours(community, TimeClass.WEEKEND, new BigDecimal("8")))).block();
        assertThat(lines.lines()).extracting(PricedLine::amount)
                .containsExactly(new BigDecimal("1600.00"), new BigDecimal("800.00"));
        assertThat(lines.total()).isEqualTo(new BigDecimal("2400.00"));
        assertThat(lines.currency()).isEqualTo("EUR");
    }

    @Test
    void timeClassesFollowTheBrandsZoneAndHolidays() {
        ActivityId community = byKey.get("community-management");
        rate(null, null, null, "80.00", null);
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement surcharges = connection.prepareStatement("insert into surcharge (tenant_id, "
                    + "time_class, percent) values (?, 'night', 40), (?, 'weekend', 25), (?, 'holiday', 50)")) {
                for (int i = 1; i <= 3; i++) {
                    surcharges.setObject(i, agency.tenant().value());
                }
                return surcharges.executeUpdate();
            }
        });
        BrandId newYork = new BrandId(http.post().uri("/v1/brands").headers(h -> h.setBearerAuth(agency.adminToken()))
                .bodyValue(Map.of("name", "Big Apple Dairy", "zone", "America/New_York", "locale", "en-US",
                        "holidayRegion", "US"))
                .exchange().expectStatus().isCreated().expectBody(BrandDto.class).returnResult().getResponseBody()
                .getId());
        // Saturday 04:00–05:30 in Berlin is Friday 22:00–23:30 in New York: night there, not weekend
        TimeToPrice saturdayMorningInBerlin = new TimeToPrice.Interval(Instant.parse("2026-12-05T03:00:00Z"),
                Instant.parse("2026-12-05T04:30:00Z"));

        assertThat(pricing.priceTime(agency.tenant(), brand, community, lea, saturdayMorningInBerlin, true).block()
                .surchargeAmount()).isEqualByComparingTo("30.00");
        assertThat(pricing.priceTime(agency.tenant(), newYork, community, lea, saturdayMorningInBerlin, true).block()
                .surchargeAmount()).isEqualByComparingTo("48.00");
        // Thanksgiving is a holiday of the US brand and a working day of the brand without a holiday region
        TimeToPrice thanksgiving = new TimeToPrice.OnDate(LocalDate.parse("2026-11-26"), 60);
        assertThat(pricing.priceTime(agency.tenant(), newYork, community, lea, thanksgiving, true).block()
                .billAmount()).isEqualByComparingTo("120.00");
        assertThat(pricing.priceTime(agency.tenant(), brand, community, lea, thanksgiving, true).block()
                .billAmount()).isEqualByComparingTo("80.00");
    }

    @Test
    void anotherAgencysRatesAndBrandsAreNotSeen() {
        TestAgency other = newAgency("pricing-other");
        TestDatabase.get().inAgency(other.tenant(), connection -> insertRate(connection, other, null, null, null,
                "999.00", "999.00"));

        ResolvedRates none = pricing.resolve(agency.tenant(), brand, byKey.get("monitoring"), lea).block();
        assertThat(none.applicable()).isEmpty();
        assertThat(none.billRate()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> pricing.priceTime(other.tenant(), brand, byKey.get("monitoring"), lea,
                new TimeToPrice.OnDate(LocalDate.parse("2026-12-02"), 30), true).block())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value())
                        .isEqualTo(404));
    }

    private UUID rate(BrandId rateBrand, ActivityId activity, UserId member, String bill, String cost) {
        return TestDatabase.get().inAgency(agency.tenant(), connection -> insertRate(connection, agency, rateBrand,
                activity, member, bill, cost));
    }

    private static UUID insertRate(Connection connection, TestAgency owner, BrandId rateBrand,
                                   ActivityId activity, UserId member, String bill, String cost)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("insert into rate (tenant_id, id, brand_id, "
                + "activity_id, member_id, bill_rate, cost_rate) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, owner.tenant().value());
            insert.setObject(2, id);
            insert.setObject(3, rateBrand == null ? null : rateBrand.value());
            insert.setObject(4, activity == null ? null : activity.value());
            insert.setObject(5, member == null ? null : member.value());
            insert.setBigDecimal(6, bill == null ? null : new BigDecimal(bill));
            insert.setBigDecimal(7, cost == null ? null : new BigDecimal(cost));
            insert.executeUpdate();
        }
        return id;
    }
}
