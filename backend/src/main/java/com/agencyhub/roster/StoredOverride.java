package com.agencyhub.roster;

import com.agencyhub.shared.UserId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An override as the agency keeps it; the two halves of a swap share {@code swapId}. */
public record StoredOverride(OverrideId id, ShiftOverride override, UUID swapId, String note, UserId createdBy) {

    public StoredOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** The override as the audit trail records it. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("memberId", override.member().toString());
        snapshot.put("from", override.from().toString());
        snapshot.put("to", override.to().toString());
        snapshot.put("brandIds", override.brands().stream().map(Object::toString).sorted().toList());
        override.swapWith().ifPresent(other -> snapshot.put("swapWithMemberId", other.toString()));
        if (swapId != null) {
            snapshot.put("swapId", swapId.toString());
        }
        snapshot.put("note", note);
        return snapshot;
    }
}
