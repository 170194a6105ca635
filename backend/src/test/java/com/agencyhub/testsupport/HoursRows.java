package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

/**
 * Time entries, contracts and closed months written straight in SQL as the application role in an agency,
 * for the reports' tests: date + duration entries with their stored amounts as given, active contracts with one line
 * per activity.
 */
public final class HoursRows {

    private HoursRows() {
    }

    /** An entry; {@code adjusts} names the entry an adjustment corrects (null for an ordinary entry). */
    public static UUID entry(TenantId agency, UUID member, UUID brand, UUID activity, LocalDate workDate, int minutes,
                             boolean billable, String billAmount, String costAmount, UUID adjusts) {
        UUID id = UUID.randomUUID();
        TestDatabase.get().inAgency(agency, db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into time_entry (tenant_id, id, member_id, brand_id, activity_id, work_date, minutes,
                        billable, source, adjusts_id, bill_rate, cost_rate, surcharge_amount, bill_amount, cost_amount,
                        created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)""")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, id);
                insert.setObject(3, member);
                insert.setObject(4, brand);
                insert.setObject(5, activity);
                insert.setDate(6, Date.valueOf(workDate));
                insert.setInt(7, minutes);
                insert.setBoolean(8, billable);
                insert.setString(9, adjusts == null ? "manual" : "adjustment");
                insert.setObject(10, adjusts);
                insert.setBigDecimal(11, new BigDecimal(billAmount));
                insert.setBigDecimal(12, new BigDecimal(costAmount));
                insert.setObject(13, member);
                insert.executeUpdate();
                return null;
            }
        });
        return id;
    }

    /**
     * An active monthly contract from {@code firstMonth} (open-ended), with its planned hours per activity (weekday
     * daytime); {@code capHours} null: unused hours lapse.
     */
    public static UUID contract(TenantId agency, UUID brand, UUID createdBy, YearMonth firstMonth, String monthlyPrice,
                                String overageRate, String capHours, Map<UUID, String> plannedHours) {
        UUID id = UUID.randomUUID();
        return TestDatabase.get().inAgency(agency, db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into contract (tenant_id, id, brand_id, status, starts_on, currency, monthly_price,
                        overage_rate, carry_over, carry_over_cap_hours, created_by, activated_by, activated_at)
                    values (?, ?, ?, 'active', ?, 'EUR', ?, ?, ?, ?, ?, ?, now())""")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, id);
                insert.setObject(3, brand);
                insert.setDate(4, Date.valueOf(firstMonth.atDay(1)));
                insert.setBigDecimal(5, new BigDecimal(monthlyPrice));
                insert.setBigDecimal(6, new BigDecimal(overageRate));
                insert.setString(7, capHours == null ? "none" : "capped");
                insert.setBigDecimal(8, capHours == null ? null : new BigDecimal(capHours));
                insert.setObject(9, createdBy);
                insert.setObject(10, createdBy);
                insert.executeUpdate();
            }
            for (Map.Entry<UUID, String> line : plannedHours.entrySet()) {
                try (PreparedStatement insert = db.prepareStatement("""
                        insert into contract_line (tenant_id, contract_id, activity_id, time_class, planned_hours,
                            bill_rate, surcharge_percent, amount)
                        values (?, ?, ?, 'weekday-daytime', ?, 85, 0, ?)""")) {
                    insert.setObject(1, agency.value());
                    insert.setObject(2, id);
                    insert.setObject(3, line.getKey());
                    insert.setBigDecimal(4, new BigDecimal(line.getValue()));
                    insert.setBigDecimal(5, new BigDecimal(line.getValue()).multiply(BigDecimal.valueOf(85)));
                    insert.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Closes the agency's month. */
    public static void closeMonth(TenantId agency, YearMonth month, UUID closedBy) {
        TestDatabase.get().inAgency(agency, db -> {
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into time_month_close (tenant_id, month, closed_by) values (?, ?, ?)")) {
                insert.setObject(1, agency.value());
                insert.setDate(2, Date.valueOf(month.atDay(1)));
                insert.setObject(3, closedBy);
                return insert.executeUpdate();
            }
        });
    }
}
