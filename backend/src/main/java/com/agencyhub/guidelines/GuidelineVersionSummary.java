package com.agencyhub.guidelines;

import java.time.Instant;
import java.util.UUID;

/** A version in the history, without its content. */
public record GuidelineVersionSummary(UUID id, int number, GuidelineStatus status, Instant createdAt,
                                      Instant publishedAt, int assigned, int acknowledged) {
}
