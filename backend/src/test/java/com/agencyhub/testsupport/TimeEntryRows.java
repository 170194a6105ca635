package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Activities and time entries written straight in SQL as the application role in an agency, for the reports' tests:
 * date + duration entries with their stored amounts as given.
 */
public final class TimeEntryRows {

    private TimeEntryRows() {
    }

    public static UUID activity(TenantId agency, String key) {
        return TestDatabase.get().inAgency(agency, db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into activity (tenant_id, id, key, name, position) values (?, ?, ?, ?, 0)
                    on conflict (tenant_id, key) do nothing""")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, key);
                insert.setString(4, key);
                insert.executeUpdate();
            }
            try (PreparedStatement select = db.prepareStatement(
                    "select id from activity where tenant_id = ? and key = ?")) {
                select.setObject(1, agency.value());
                select.setString(2, key);
                ResultSet found = select.executeQuery();
                found.next();
                return found.getObject(1, UUID.class);
            }
        });
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
}
