package com.agencyhub.timesheets.web;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** Test data for timesheets written straight in SQL (as the app role, in the agency's scope): archived activities,
 * backdated timers and counts. */
final class TimesheetFixture {

    private TimesheetFixture() {
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
