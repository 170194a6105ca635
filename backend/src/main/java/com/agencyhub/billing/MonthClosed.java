package com.agencyhub.billing;

import com.agencyhub.shared.UserId;

import java.time.Instant;

/** A closed month: who closed it (their name as it is now) and when. */
public record MonthClosed(Instant closedAt, UserId closedBy, String closedByName) {
}
