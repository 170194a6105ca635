package com.agencyhub.inbox;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interaction locked by the escalation scheduler: what a notification says about it, the guidelines version it
 * pinned (whose chain it follows), and its clocks.
 */
public record EscalationItem(TenantId tenant, UUID id, BrandId brand, String channel, String kind, String authorHandle,
                             String excerpt, String priority, Instant receivedAt, int guidelinesVersion,
                             int escalationLevel, List<EscalationClock> clocks) {

    public EscalationItem {
        clocks = List.copyOf(clocks);
    }
}
