package com.agencyhub.testsupport;

import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.db.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Interactions for response-time report tests, written with SQL as the application role with the agency's tenant set
 * (row-level security on), as the inbox would have stored them: the SLA pinned at arrival with its due times, the
 * first response and resolution with their durations, and escalations that reached nobody.
 */
public final class ResponseTimeData {

    private ResponseTimeData() {
    }

    /** An interaction as stored: by default an open normal-priority Instagram comment inside the coverage windows. */
    public static final class Item {

        private final UUID brand;
        private final Instant receivedAt;
        private String channel = "instagram";
        private String kind = "comment";
        private String priority = "normal";
        private String windowClass = "inside";
        private Instant firstResponseDue;
        private Instant resolutionDue;
        private Instant answeredAt;
        private Integer answerBusinessSeconds;
        private UUID answeredBy;
        private Instant resolvedAt;
        private Integer resolutionBusinessSeconds;
        private boolean escalationReachedNobody;

        private Item(UUID brand, Instant receivedAt) {
            this.brand = brand;
            this.receivedAt = receivedAt;
        }

        public Item channel(String value) {
            channel = value;
            return this;
        }

        public Item kind(String value) {
            kind = value;
            return this;
        }

        public Item priority(String value) {
            priority = value;
            return this;
        }

        public Item window(String value) {
            windowClass = value;
            return this;
        }

        /** An SLA on the business clock, with these due times for the first response and the resolution. */
        public Item due(Instant firstResponse, Instant resolution) {
            firstResponseDue = firstResponse;
            resolutionDue = resolution;
            return this;
        }

        /** An SLA on the business clock due these minutes after arrival (on the wall clock: the tests set no windows). */
        public Item target(int firstResponseMinutes, int resolutionMinutes) {
            return due(receivedAt.plus(Duration.ofMinutes(firstResponseMinutes)),
                    receivedAt.plus(Duration.ofMinutes(resolutionMinutes)));
        }

        /** Answered after {@code calendarMinutes}, {@code businessMinutes} of them on the business clock (null: none). */
        public Item answered(int calendarMinutes, Integer businessMinutes, UUID by) {
            answeredAt = receivedAt.plus(Duration.ofMinutes(calendarMinutes));
            answerBusinessSeconds = businessMinutes == null ? null : businessMinutes * 60;
            answeredBy = by;
            return this;
        }

        /** Resolved after {@code minutes}, on both clocks. */
        public Item resolved(int minutes) {
            resolvedAt = receivedAt.plus(Duration.ofMinutes(minutes));
            resolutionBusinessSeconds = minutes * 60;
            return this;
        }

        public Item escalationReachedNobody() {
            escalationReachedNobody = true;
            return this;
        }
    }

    public static Item item(UUID brand, String receivedAt) {
        return new Item(brand, Instant.parse(receivedAt));
    }

    /** Stores the items in the agency, in one transaction. */
    public static void insert(TenantId tenant, List<Item> items) {
        TestDatabase.get().inAgency(tenant, db -> {
            for (Item item : items) {
                insert(db, tenant, item);
            }
            return null;
        });
    }

    private static void insert(Connection db, TenantId tenant, Item item) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean sla = item.firstResponseDue != null;
        try (PreparedStatement insert = db.prepareStatement("""
                insert into interaction (tenant_id, id, brand_id, channel, external_id, kind, received_at, priority,
                    priority_source, window_class, guidelines_version, strategy_version, sla_clock,
                    first_response_target_minutes, resolution_target_minutes, first_response_due_at, resolution_due_at,
                    status, first_response_at, first_response_by, first_response_seconds,
                    first_response_business_seconds, resolved_at, resolution_seconds, resolution_business_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'given', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Object[] values = {tenant.value(), id, item.brand, item.channel, id.toString(), item.kind,
                    timestamp(item.receivedAt), item.priority, item.windowClass, sla ? 1 : null, sla ? 1 : null,
                    sla ? "business" : null, sla ? 60 : null, sla ? 1440 : null, timestamp(item.firstResponseDue),
                    timestamp(item.resolutionDue),
                    item.resolvedAt != null ? "resolved" : item.answeredAt != null ? "responded" : "open",
                    timestamp(item.answeredAt), item.answeredBy, seconds(item.receivedAt, item.answeredAt),
                    item.answerBusinessSeconds, timestamp(item.resolvedAt), seconds(item.receivedAt, item.resolvedAt),
                    item.resolutionBusinessSeconds};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
        if (item.escalationReachedNobody) {
            try (PreparedStatement event = db.prepareStatement("""
                    insert into interaction_event (tenant_id, id, interaction_id, type, at, source, detail)
                    values (?, ?, ?, 'escalated', ?, 'system', '{"outcome": "failed"}'::jsonb)""")) {
                event.setObject(1, tenant.value());
                event.setObject(2, UUID.randomUUID());
                event.setObject(3, id);
                event.setObject(4, timestamp(item.firstResponseDue));
                event.executeUpdate();
            }
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Integer seconds(Instant from, Instant to) {
        return to == null ? null : Math.toIntExact(Duration.between(from, to).toSeconds());
    }
}
