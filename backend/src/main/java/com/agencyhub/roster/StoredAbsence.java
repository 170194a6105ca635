package com.agencyhub.roster;

import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An absence as the agency keeps it, with who entered and who decided it. */
public record StoredAbsence(AbsenceId id, UserId member, AbsenceKind kind, Instant from, Instant to,
                            AbsenceStatus status, String note, UserId enteredBy, UserId decidedBy, Instant decidedAt,
                            String decisionNote, Instant createdAt) {

    public StoredAbsence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** The absence with its note hidden, as members other than the absent one and managers see it. */
    StoredAbsence withoutNotes() {
        return new StoredAbsence(id, member, kind, from, to, status, null, enteredBy, decidedBy, decidedAt, null,
                createdAt);
    }

    /** The absence as the audit trail records it. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("memberId", member.toString());
        snapshot.put("kind", Slugs.of(kind));
        snapshot.put("from", from.toString());
        snapshot.put("to", to.toString());
        snapshot.put("status", status.value());
        if (decidedBy != null) {
            snapshot.put("decidedBy", decidedBy.toString());
        }
        return snapshot;
    }
}
