package com.agencyhub.contracts.web;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Rates and surcharges written straight in SQL for the contract tests (pricing's own API is tested in its module):
 * the prices of a contract's lines come from these rows.
 */
final class ContractFixture {

    private ContractFixture() {
    }

    /** A bill rate for the agency (activity null) or for one activity of it. */
    static void billRate(TenantId agency, UUID activity, String billRate) {
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into rate (tenant_id, id, activity_id, bill_rate, cost_rate)
                    values (?, ?, ?, ?, 40.00)""")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, activity);
                insert.setBigDecimal(4, new BigDecimal(billRate));
                return insert.executeUpdate();
            }
        });
    }

    static void surcharge(TenantId agency, String timeClass, String percent) {
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
