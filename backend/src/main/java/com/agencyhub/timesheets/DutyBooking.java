package com.agencyhub.timesheets;

import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.List;

/** What booking a brand's duty did: the entries booked, and the stretches skipped with why. */
public record DutyBooking(List<TimeEntry> booked, List<Skipped> skipped) {

    public enum Reason { ALREADY_BOOKED, OVERLAP, CLOSED_MONTH }

    public record Skipped(UserId member, Instant start, Instant end, Reason reason) {
    }

    public DutyBooking {
        booked = List.copyOf(booked);
        skipped = List.copyOf(skipped);
    }
}
