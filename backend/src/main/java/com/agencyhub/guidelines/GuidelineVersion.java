package com.agencyhub.guidelines;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One version of a brand's guidelines; {@code acknowledgments} is empty for drafts. */
public record GuidelineVersion(UUID id, BrandId brand, int number, GuidelineStatus status, GuidelineContent content,
                               List<Acknowledgment> acknowledgments, Instant createdAt, Instant updatedAt,
                               Instant publishedAt, int version) {

    public GuidelineVersion {
        acknowledgments = List.copyOf(acknowledgments);
    }

    public GuidelineVersion withAcknowledgments(List<Acknowledgment> assigned) {
        return new GuidelineVersion(id, brand, number, status, content, assigned, createdAt, updatedAt, publishedAt,
                version);
    }

    public Optional<Acknowledgment> assignmentOf(UserId member) {
        return acknowledgments.stream().filter(a -> a.member().equals(member)).findFirst();
    }

    public long acknowledgedCount() {
        return acknowledgments.stream().filter(a -> !a.pending()).count();
    }

    /** What the audit trail keeps: an outline, since the version itself is kept for good. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("number", number);
        snapshot.put("status", status.value());
        snapshot.put("languages", content.languages());
        snapshot.put("sections", content.sections().size());
        snapshot.put("slaPriorities", content.slaPolicies().stream().map(p -> p.priority().name().toLowerCase()).toList());
        snapshot.put("escalationSteps", content.escalation().size());
        return snapshot;
    }
}
