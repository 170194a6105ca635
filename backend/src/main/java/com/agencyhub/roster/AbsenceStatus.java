package com.agencyhub.roster;

import com.agencyhub.shared.Slugs;

/**
 * Where an absence stands: a vacation waits ({@code PENDING}) until approved or rejected; other kinds are approved
 * when entered. Only approved absences take a member off duty.
 */
public enum AbsenceStatus {
    PENDING, APPROVED, REJECTED, CANCELLED;

    public String value() {
        return Slugs.of(this);
    }

    public static AbsenceStatus of(String value) {
        return Slugs.parse(AbsenceStatus.class, value);
    }
}
