package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Rates and surcharges written straight in SQL (as the app role, in the agency's scope) for the tests of the modules
 * that price with them; pricing's own API is tested in its module.
 */
public final class PricingRows {

    private PricingRows() {
    }

    /** A bill and cost rate for the agency ({@code activity} null) or for one activity of it. */
    public static void rate(TenantId agency, UUID activity, String billRate, String costRate) {
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into rate (tenant_id, id, activity_id, bill_rate, cost_rate) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, activity);
                insert.setBigDecimal(4, new BigDecimal(billRate));
                insert.setBigDecimal(5, new BigDecimal(costRate));
                return insert.executeUpdate();
            }
        });
    }

    public static void surcharge(TenantId agency, String timeClass, String percent) {
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into surcharge (tenant_id, time_class, percent) values (?, ?, ?)")) {
                insert.setObject(1, agency.value());
                insert.setString(2, timeClass);
                insert.setBigDecimal(3, new BigDecimal(percent));
                return insert.executeUpdate();
            }
        });
    }
}
