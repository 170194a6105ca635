package com.agencyhub.guidelines;

import com.agencyhub.members.Responsibility;
import com.agencyhub.shared.UserId;

import java.time.Instant;

/** A member a published version was assigned to, with their part in the team then; {@code acknowledgedAt} null while pending. */
public record Acknowledgment(UserId member, String displayName, Responsibility responsibility, Instant acknowledgedAt) {

    public boolean pending() {
        return acknowledgedAt == null;
    }
}
