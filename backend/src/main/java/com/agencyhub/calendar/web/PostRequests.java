package com.agencyhub.calendar.web;

import com.agencyhub.api.model.PostCreateDto;
import com.agencyhub.api.model.PostPublicationDto;
import com.agencyhub.api.model.PostUpdateDto;
import com.agencyhub.api.model.PostVariantDto;
import com.agencyhub.calendar.PostChanges;
import com.agencyhub.calendar.PostFormat;
import com.agencyhub.calendar.PostPlan;
import com.agencyhub.calendar.PostVariant;
import com.agencyhub.calendar.Posts;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import com.agencyhub.shared.web.Inputs;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Turns post request bodies and range parameters into the calendar's terms, with the checks schemas cannot make. */
final class PostRequests {

    private PostRequests() {
    }

    static PostPlan plan(PostCreateDto body) {
        List<FieldViolation> violations = new ArrayList<>();
        PostPlan plan = new PostPlan(title(body.getTitle(), violations), body.getBody() == null ? "" : body.getBody(),
                body.getVariants() == null ? List.of() : variants(body.getVariants(), violations),
                optional(body.getPillar()), body.getPlannedAt().toInstant(),
                body.getAssigneeId() == null ? null : new UserId(body.getAssigneeId()),
                body.getLabels() == null ? List.of() : labels(body.getLabels(), violations),
                optional(body.getCampaign()));
        return valid(plan, violations);
    }

    static PostChanges changes(PostUpdateDto body) {
        if (body.equals(new PostUpdateDto())) {
            throw ApiProblem.badRequest("Send at least one property to change.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        PostChanges changes = new PostChanges(body.getTitle() == null ? null : title(body.getTitle(), violations),
                body.getBody(), body.getVariants() == null ? null : variants(body.getVariants(), violations),
                clearable(body.getPillar()), body.getPlannedAt() == null ? null : body.getPlannedAt().toInstant(),
                body.getAssigneeId() == null || body.getAssigneeId().isEmpty() ? null
                        : new UserId(UUID.fromString(body.getAssigneeId())),
                "".equals(body.getAssigneeId()),
                body.getLabels() == null ? null : labels(body.getLabels(), violations), clearable(body.getCampaign()));
        return valid(changes, violations);
    }

    static Posts.Publication publication(PostPublicationDto body) {
        boolean published = body.getPublishedAt() != null || body.getUrl() != null;
        if (published == (body.getFailureReason() != null)) {
            throw ApiProblem.badRequest("Send either publishedAt and url, or failureReason.");
        }
        if (!published) {
            return new Posts.Publication(null, null, body.getFailureReason().strip());
        }
        if (body.getPublishedAt() == null || body.getUrl() == null) {
            throw ApiProblem.invalidField(body.getUrl() == null ? "url" : "publishedAt",
                    "is needed with a published outcome", "required");
        }
        if (!Inputs.isWebAddress(body.getUrl())) {
            throw ApiProblem.invalidField("url", "must be an absolute http or https URL", "url");
        }
        return new Posts.Publication(body.getPublishedAt().toInstant(), URI.create(body.getUrl()), null);
    }

    /** A range bound: an instant with its offset, or a local date meaning the start of that day in the zone. */
    static Instant bound(String field, String value, ZoneId zone) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be a date such as 2027-03-01 or a date-time with offset such"
                    + " as 2027-03-01T00:00:00+01:00", "date-time");
        }
    }

    private static String title(String title, List<FieldViolation> violations) {
        if (title.isBlank()) {
            violations.add(new FieldViolation("title", "must not be blank", "blank"));
        }
        return title.strip();
    }

    private static List<PostVariant> variants(List<PostVariantDto> inputs, List<FieldViolation> violations) {
        List<PostVariant> variants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PostVariantDto input = inputs.get(i);
            String field = "variants[" + i + "]";
            List<String> urls = input.getMediaUrls() == null ? List.of() : input.getMediaUrls();
            List<URI> media = new ArrayList<>();
            for (int u = 0; u < urls.size(); u++) {
                if (Inputs.isWebAddress(urls.get(u))) {
                    media.add(URI.create(urls.get(u)));
                } else {
                    violations.add(new FieldViolation(field + ".mediaUrls[" + u + "]",
                            "must be an absolute http or https URL", "url"));
                }
            }
            if (!seen.add(input.getPlatform() + " " + input.getFormat().getValue())) {
                violations.add(new FieldViolation(field, "repeats an earlier variant's platform and format",
                        "duplicate"));
            }
            variants.add(new PostVariant(input.getPlatform(), input.getText() == null ? "" : input.getText(), media,
                    PostFormat.of(input.getFormat().getValue())));
        }
        return variants;
    }

    private static List<String> labels(List<String> labels, List<FieldViolation> violations) {
        List<String> stripped = labels.stream().map(String::strip).toList();
        if (new HashSet<>(stripped).size() != stripped.size()) {
            violations.add(new FieldViolation("labels", "must not repeat a label", "duplicate"));
        }
        return stripped;
    }

    private static <T> T valid(T value, List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblem.validation(violations);
        }
        return value;
    }

    /** An optional text of a new post: blank means absent. */
    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An optional text in an update: null keeps it, blank clears it (as the empty text). */
    private static String clearable(String text) {
        return text == null ? null : text.strip();
    }
}
