package com.agencyhub.businesstime;

import com.agencyhub.guidelines.SlaPolicy;

import java.time.Instant;

/** When an interaction must be answered and resolved, and under which policy. */
public record DueTimes(Instant receivedAt, SlaPolicy.Priority priority, SlaPolicy policy, Instant firstResponseDueAt,
                       Instant resolutionDueAt, int guidelinesVersion) {
}
