package com.agencyhub.contracts;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.TestAgency;
import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The terms other modules bill against, read from contract rows written straight in SQL. */
class ContractTermsTest extends ApiTest {

    @Autowired
    Contracts contracts;

    @Test
    void aMonthsTermsSumTheLinesByActivityAndIgnoreDrafts() {
        TestAgency agency = newAgency("terms");
        BrandId brand = new BrandId(newBrand(agency, "Alpenmilch"));
        ActivityId monitoring = newActivity(agency, "terms-monitoring");
        ActivityId content = newActivity(agency, "terms-content");
        UUID contract = contract(agency, brand, "active", "2026-10-01", null, "capped", new BigDecimal("10.00"));
        line(agency, contract, monitoring, "weekday-daytime", "20.00");
        line(agency, contract, monitoring, "weekend", "8.50");
        line(agency, contract, content, "weekday-daytime", "12.00");
        contract(agency, brand, "draft", "2026-09-01", null, "none", null);

        ContractTerms terms = contracts.inForce(agency.tenant(), brand, YearMonth.of(2026, 11)).block();

        assertThat(terms.contractId()).isEqualTo(contract);
        assertThat(terms.firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(terms.lastMonth()).isNull();
        assertThat(terms.monthlyPrice()).isEqualByComparingTo("4000.00");
        assertThat(terms.overageRate()).isEqualByComparingTo("95.00");
        assertThat(terms.carryOver()).isEqualTo(CarryOver.capped(new BigDecimal("10.00")));
        assertThat(terms.alertThresholds()).containsExactly(80, 100);
        assertThat(terms.plannedHoursByActivity()).containsOnlyKeys(monitoring, content);
        assertThat(terms.plannedHoursByActivity().get(monitoring)).isEqualByComparingTo("28.50");
        assertThat(terms.plannedHoursByActivity().get(content)).isEqualByComparingTo("12.00");
        assertThat(terms.plannedHours()).isEqualByComparingTo("40.50");
        assertThat(contracts.inForce(agency.tenant(), brand, YearMonth.of(2026, 9)).blockOptional()).isEmpty();
    }

    @Test
    void monthsFollowTheContractInForceEachMonth() {
        TestAgency agency = newAgency("terms");
        BrandId brand = new BrandId(newBrand(agency, "Alpenmilch"));
        UUID ended = contract(agency, brand, "ended", "2026-10-01", "2026-12-31", "none", null);
        UUID next = contract(agency, brand, "active", "2027-01-01", null, "none", null);

        Map<YearMonth, ContractTerms> months = contracts.months(agency.tenant(), brand, YearMonth.of(2026, 9),
                YearMonth.of(2027, 2)).block();

        assertThat(months.keySet()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11),
                YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        assertThat(months.get(YearMonth.of(2026, 12)).contractId()).isEqualTo(ended);
        assertThat(months.get(YearMonth.of(2026, 12)).lastMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(months.get(YearMonth.of(2027, 1)).contractId()).isEqualTo(next);
        assertThat(months.get(YearMonth.of(2026, 10)).plannedHoursByActivity()).isEmpty();
    }

    @Test
    void theAgencyReadIsByBrandAndSeesNoOtherAgency() {
        TestAgency agency = newAgency("terms");
        BrandId first = new BrandId(newBrand(agency, "First"));
        BrandId second = new BrandId(newBrand(agency, "Second"));
        BrandId without = new BrandId(newBrand(agency, "Without"));
        UUID firstContract = contract(agency, first, "active", "2026-01-01", null, "none", null);
        UUID secondContract = contract(agency, second, "ended", "2026-06-01", "2026-11-30", "none", null);
        TestAgency other = newAgency("terms-other");
        contract(other, new BrandId(newBrand(other, "Elsewhere")), "active", "2026-01-01", null, "none", null);

        Map<BrandId, ContractTerms> inForce = contracts.inForce(agency.tenant(), YearMonth.of(2026, 11)).block();

        assertThat(inForce.keySet()).containsExactlyInAnyOrder(first, second);
        assertThat(inForce.get(first).contractId()).isEqualTo(firstContract);
        assertThat(inForce.get(second).contractId()).isEqualTo(secondContract);
        assertThat(inForce).doesNotContainKey(without);
        assertThat(contracts.inForce(agency.tenant(), YearMonth.of(2026, 12)).block()).containsOnlyKeys(first);
    }

    @Test
    void carryOverIsCappedAndNeverNegative() {
        CarryOver capped = CarryOver.capped(new BigDecimal("10.00"));
        assertThat(capped.carried(new BigDecimal("4.25"))).isEqualByComparingTo("4.25");
        assertThat(capped.carried(new BigDecimal("12.00"))).isEqualByComparingTo("10.00");
        assertThat(capped.carried(new BigDecimal("-3.00"))).isEqualByComparingTo("0");
        assertThat(CarryOver.NONE.carried(new BigDecimal("4.25"))).isEqualByComparingTo("0");
    }

    private static ActivityId newActivity(TestAgency agency, String key) {
        UUID id = UUID.randomUUID();
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into activity (tenant_id, id, key, name, position) values (?, ?, ?, ?, 100)")) {
                insert.setObject(1, agency.tenant().value());
                insert.setObject(2, id);
                insert.setString(3, key);
                insert.setString(4, key);
                return insert.executeUpdate();
            }
        });
        return new ActivityId(id);
    }

    private static UUID contract(TestAgency agency, BrandId brand, String status, String startsOn, String endsOn,
                                 String carryOver, BigDecimal capHours) {
        UUID id = UUID.randomUUID();
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contract (tenant_id, id, brand_id, status, starts_on, ends_on, currency, monthly_price,
                        overage_rate, carry_over, carry_over_cap_hours, created_by, activated_by, activated_at)
                    values (?, ?, ?, ?, ?, ?, 'EUR', 4000.00, 95.00, ?, ?, ?, ?, case when ? then now() end)""")) {
                insert.setObject(1, agency.tenant().value());
                insert.setObject(2, id);
                insert.setObject(3, brand.value());
                insert.setString(4, status);
                insert.setObject(5, LocalDate.parse(startsOn));
                insert.setObject(6, endsOn == null ? null : LocalDate.parse(endsOn));
                insert.setString(7, carryOver);
                insert.setBigDecimal(8, capHours);
                insert.setObject(9, agency.admin().value());
                insert.setObject(10, status.equals("draft") ? null : agency.admin().value());
                insert.setBoolean(11, !status.equals("draft"));
                return insert.executeUpdate();
            }
        });
        return id;
    }

    private static void line(TestAgency agency, UUID contract, ActivityId activity, String timeClass, String hours) {
        TestDatabase.get().inAgency(agency.tenant(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contract_line (tenant_id, contract_id, activity_id, time_class, planned_hours,
                        bill_rate, surcharge_percent, amount)
                    values (?, ?, ?, ?, ?, 90.00, 0, 0)""")) {
                insert.setObject(1, agency.tenant().value());
                insert.setObject(2, contract);
                insert.setObject(3, activity.value());
                insert.setString(4, timeClass);
                insert.setBigDecimal(5, new BigDecimal(hours));
                return insert.executeUpdate();
            }
        });
    }
}
