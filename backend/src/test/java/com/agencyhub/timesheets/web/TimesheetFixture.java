package com.agencyhub.timesheets.web;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** Test data for timesheets written straight in SQL (as the app role, in the agency's scope): rates, archived activities, backdated timers and counts. */
final class TimesheetFixture {

    private TimesheetFixture() {
    }

    /** The agency's default bill and cost rates, and a surcharge in percent for one time class. */
    static void rates(TenantId agency, String bill, String cost, String surchargeClass, String percent) {
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement rate = connection.prepareStatement("insert into rate (tenant_id, id, bill_rate, "
                    + "cost_rate) values (?, ?, ?, ?)");
                 PreparedStatement surcharge = connection.prepareStatement("insert into surcharge (tenant_id, "
                         + "time_class, percent) values (?, ?, ?)")) {
                rate.setObject(1, agency.value());
                rate.setObject(2, UUID.randomUUID());
                rate.setBigDecimal(3, new BigDecimal(bill));
                rate.setBigDecimal(4, new BigDecimal(cost));
                rate.executeUpdate();
                surcharge.setObject(1, agency.value());
                surcharge.setString(2, surchargeClass);
                surcharge.setBigDecimal(3, new BigDecimal(percent));
                surcharge.executeUpdate();
            }
            return null;
        });
    }

    static void archive(TenantId agency, UUID activity) {
        sql(agency, "update activity set archived_at = now() where id = ?", activity);
    }

    /** Moves the member's running timer's start back by the minutes. */
    static void backdateTimer(TenantId agency, UUID member, int minutes) {
        sql(agency, "update time_timer set started_at = started_at - make_interval(mins => " + minutes
                + ") where member_id = ?", member);
    }

    static int entries(TenantId agency) {
        return TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select count(*) from time_entry");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static void sql(TenantId agency, String statement, UUID id) {
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement update = connection.prepareStatement(statement)) {
                update.setObject(1, id);
                update.executeUpdate();
            }
            return null;
        });
    }
}
