package com.agencyhub.roster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A rotation as the agency keeps it: the layer the resolver reads, its name, and its version for If-Match. */
public record StoredRotation(RotationId id, String name, Rotation rotation, int version, Instant createdAt,
                             Instant updatedAt) {

    public StoredRotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rotation, "rotation");
    }

    /** The rotation as the audit trail records it. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("priority", rotation.priority());
        snapshot.put("memberIds", rotation.members().stream().map(Object::toString).toList());
        snapshot.put("lengthDays", rotation.lengthDays());
        snapshot.put("handoffTime", rotation.handoff().toString());
        snapshot.put("startDate", rotation.startDate().toString());
        snapshot.put("zone", rotation.zone().getId());
        snapshot.put("restriction", rotation.restriction().stream()
                .map(window -> window.day() + " " + window.start() + "-" + window.end()).toList());
        snapshot.put("brandIds", rotation.brands().stream().map(Object::toString).sorted().toList());
        return snapshot;
    }
}
