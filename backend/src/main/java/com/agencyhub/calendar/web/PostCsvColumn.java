package com.agencyhub.calendar.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the calendar's CSV files, in the order the export writes them. The import needs {@code title} and
 * {@code planned_at}, reads the others when present and ignores {@code id}, {@code status} and {@code brand}.
 */
enum PostCsvColumn {
    ID, STATUS, BRAND, TITLE, PLANNED_AT, BODY, PLATFORMS, FORMAT, PILLAR, ASSIGNEE, LABELS, CAMPAIGN, MEDIA_URLS;

    /** The separator of the items of a list cell: platforms, labels, media URLs. */
    static final String ITEMS = "|";

    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean ignoredOnImport() {
        return this == ID || this == STATUS || this == BRAND;
    }

    static Optional<PostCsvColumn> of(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(column -> column.header().equals(name)).findFirst();
    }

    /**
     * The column that holds a field of a post request ({@code variants[0].mediaUrls[1]} is in {@code media_urls});
     * empty for what is no field ({@code record}, {@code file}).
     */
    static Optional<PostCsvColumn> holding(String field) {
        if (field.startsWith("variants")) {
            return Optional.of(field.contains(".mediaUrls") ? MEDIA_URLS : field.endsWith(".format") ? FORMAT
                    : field.endsWith(".text") ? BODY : PLATFORMS);
        }
        String name = field.replaceAll("[.\\[].*", "");
        return switch (name) {
            case "plannedAt" -> Optional.of(PLANNED_AT);
            case "assigneeId" -> Optional.of(ASSIGNEE);
            default -> of(name);
        };
    }
}
