package com.agencyhub.inbox;

/**
 * Who reported an interaction event: a staff member in the app, a tool through the API (tools authenticate with a
 * staff member's token), the signed webhook, or the system (metric events, the escalation scheduler).
 */
public enum EventSource {
    STAFF, TOOL, WEBHOOK, SYSTEM
}
