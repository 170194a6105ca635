package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Inbox items for the escalation tests, written and read straight in SQL as the application role with the agency's
 * row-level-security scope, so that a test sets exactly the pinned SLA it needs: an open comment on instagram whose two SLA clocks run
 * on the calendar clock from {@code receivedAt} with the pinned guidelines version's targets.
 */
public final class InboxItems {

    /** An {@code interaction_event} row as the escalation tests look at it; {@code detail} is its JSON text. */
    public record Event(String type, String metric, String detail) {
    }

    private InboxItems() {
    }

    public static UUID insertOpen(TenantId agency, UUID brand, int guidelinesVersion, Instant receivedAt,
                                  int firstResponseMinutes, int resolutionMinutes) {
        UUID id = UUID.randomUUID();
        TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into interaction (tenant_id, id, brand_id, channel, external_id, kind, author_handle, body,
                        received_at, priority, priority_source, window_class, guidelines_version, sla_clock,
                        first_response_target_minutes, resolution_target_minutes, first_response_due_at,
                        resolution_due_at)
                    values (?, ?, ?, 'instagram', ?, 'comment', '@angry_customer', 'Where is my refund?', ?, 'normal',
                        'given', 'inside', ?, 'calendar', ?, ?, ?, ?)""")) {
                insert.setObject(1, agency.value());
                insert.setObject(2, id);
                insert.setObject(3, brand);
                insert.setString(4, id.toString());
                insert.setTimestamp(5, Timestamp.from(receivedAt));
                insert.setInt(6, guidelinesVersion);
                insert.setInt(7, firstResponseMinutes);
                insert.setInt(8, resolutionMinutes);
                insert.setTimestamp(9, Timestamp.from(receivedAt.plusSeconds(60L * firstResponseMinutes)));
                insert.setTimestamp(10, Timestamp.from(receivedAt.plusSeconds(60L * resolutionMinutes)));
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    public static List<Event> events(TenantId agency, UUID interaction) {
        return TestDatabase.get().inAgency(agency, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select type, metric, detail::text "
                    + "from interaction_event where interaction_id = ? order by recorded_at, id")) {
                select.setObject(1, interaction);
                List<Event> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new Event(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
                return events;
            }
        });
    }
}
