package com.agencyhub.businesstime;

import com.agencyhub.guidelines.SlaPolicy;

import java.time.Instant;

/**
 * When an interaction must be answered and resolved, and under which policy: the guidelines and strategy versions in
 * force when it arrived ({@code strategyVersion} null for the calendar clock, which needs no coverage windows).
 */
public record DueTimes(Instant receivedAt, SlaPolicy.Priority priority, SlaPolicy policy, Instant firstResponseDueAt,
                       Instant resolutionDueAt, int guidelinesVersion, Integer strategyVersion) {
}
