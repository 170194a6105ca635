package com.agencyhub.roster;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Objects;

/** A member away during {@code [from, to)}. A vacation counts only once approved; the other kinds always count. */
public record Absence(UserId member, AbsenceKind kind, Instant from, Instant to, boolean approved) {

    public Absence {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("an absence must end after it starts: [" + from + ", " + to + ")");
        }
    }

    /** Whether the absence takes the member off duty at all. */
    public boolean counts() {
        return kind != AbsenceKind.VACATION || approved;
    }
}
