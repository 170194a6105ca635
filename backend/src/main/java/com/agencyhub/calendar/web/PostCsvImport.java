package com.agencyhub.calendar.web;

import com.agencyhub.api.model.PostCreateDto;
import com.agencyhub.api.model.PostFormatDto;
import com.agencyhub.api.model.PostVariantDto;
import com.agencyhub.calendar.PostFormat;
import com.agencyhub.calendar.PostImports;
import com.agencyhub.calendar.PostPlan;
import com.agencyhub.calendar.PostVariant;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.CleanText;
import com.agencyhub.shared.web.CsvReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the records of a CSV file as post plans, with the checks of {@code createPost}: the contract's constraints
 * (bean validation of the same request model) and {@link PostRequests#plan}. Errors name the line where the record
 * starts and the field; a row with errors still gives what the brand's rules check, so that their errors are listed
 * too.
 */
@Component
class PostCsvImport {

    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(local("uuuu-MM-dd'T'HH:mm"),
            local("uuuu-MM-dd HH:mm"), local("d.M.uuuu H:mm"));
    private static final Pattern ITEMS = Pattern.compile(Pattern.quote(PostCsvColumn.ITEMS));

    private final Validator validator;

    PostCsvImport(Validator validator) {
        this.validator = validator;
    }

    /** The rows below the header, read in the zone; header errors only when the header cannot be used. */
    PostImports.Rows read(List<CsvReader.Record> records, ZoneId zone) {
        List<PostImports.RowError> errors = new ArrayList<>();
        if (records.isEmpty()) {
            return new PostImports.Rows(List.of(), List.of(new PostImports.RowError(1, "file",
                    "is empty: it needs a header row naming the columns", "empty")));
        }
        List<String> header = records.get(0).cells();
        Map<PostCsvColumn, Integer> columns = columns(header, errors);
        if (!errors.isEmpty()) {
            return new PostImports.Rows(List.of(), errors);
        }
        List<PostImports.Row> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (record.isBlank()) {
                continue;
            }
            if (record.cells().size() != header.size()) {
                errors.add(new PostImports.RowError(record.line(), "record", "has " + record.cells().size()
                        + " cells, the header " + header.size(), "cells"));
                continue;
            }
            rows.add(row(record, columns, zone, errors));
        }
        return new PostImports.Rows(rows, errors);
    }

    private static Map<PostCsvColumn, Integer> columns(List<String> header, List<PostImports.RowError> errors) {
        Map<PostCsvColumn, Integer> columns = new EnumMap<>(PostCsvColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String name = CsvReader.withoutFormulaGuard(header.get(i)).strip();
            Optional<PostCsvColumn> column = PostCsvColumn.of(name);
            if (column.isEmpty()) {
                errors.add(new PostImports.RowError(1, name.isEmpty() ? "record" : name, "is not a column of a post; "
                        + "the columns are " + Arrays.stream(PostCsvColumn.values()).map(PostCsvColumn::header)
                        .toList(), "unknown-column"));
            } else if (columns.putIfAbsent(column.get(), i) != null) {
                errors.add(new PostImports.RowError(1, name, "appears twice in the header", "duplicate"));
            }
        }
        for (PostCsvColumn required : List.of(PostCsvColumn.TITLE, PostCsvColumn.PLANNED_AT)) {
            if (!columns.containsKey(required)) {
                errors.add(new PostImports.RowError(1, required.header(), "is a required column", "required"));
            }
        }
        return columns;
    }

    private PostImports.Row row(CsvReader.Record record, Map<PostCsvColumn, Integer> columns, ZoneId zone,
                                          List<PostImports.RowError> errors) {
        int line = record.line();
        int before = errors.size();
        Map<PostCsvColumn, String> cells = new EnumMap<>(PostCsvColumn.class);
        columns.forEach((column, index) -> {
            String cell = CsvReader.withoutFormulaGuard(record.cells().get(index));
            if (!CleanText.isClean(cell)) {
                errors.add(new PostImports.RowError(line, column.header(), CleanText.RULE, "text"));
            }
            if (!column.ignoredOnImport() && !cell.isBlank()) {
                cells.put(column, cell);
            }
        });
        PostCreateDto request = new PostCreateDto(cells.getOrDefault(PostCsvColumn.TITLE, ""),
                plannedAt(cells.get(PostCsvColumn.PLANNED_AT), zone, line, errors));
        request.setBody(cells.get(PostCsvColumn.BODY));
        request.setPillar(cells.get(PostCsvColumn.PILLAR));
        request.setCampaign(cells.get(PostCsvColumn.CAMPAIGN));
        request.setLabels(items(cells.get(PostCsvColumn.LABELS)));
        request.setVariants(variants(cells, line, errors));
        for (ConstraintViolation<PostCreateDto> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString().replace(".<list element>", "");
            if (!(field.equals("plannedAt") && errors.size() > before)) {
                errors.add(new PostImports.RowError(line, field, violation.getMessage(), violation
                        .getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                        .toLowerCase(Locale.ROOT)));
            }
        }
        String assignee = cells.get(PostCsvColumn.ASSIGNEE);
        PostPlan plan = null;
        if (errors.size() == before) {
            try {
                plan = PostRequests.plan(request);
            } catch (ApiProblem invalid) {
                invalid.violations().forEach(violation -> errors.add(new PostImports.RowError(line,
                        violation.field(), violation.message(), violation.code())));
            }
        }
        return new PostImports.Row(line, plan != null ? plan : probe(request),
                assignee == null ? null : assignee.strip());
    }

    /**
     * A row with errors, as far as the rules of the brand look at it (platforms, pillar; the assignee goes
     * separately): so that those errors are reported too. It is never stored, since its row has errors.
     */
    private static PostPlan probe(PostCreateDto request) {
        List<PostVariant> variants = request.getVariants().stream().map(variant -> new PostVariant(
                variant.getPlatform(), "", List.of(), PostFormat.POST)).toList();
        return new PostPlan(request.getTitle(), "", variants, request.getPillar() == null ? null
                : request.getPillar().strip(), Instant.EPOCH, null, List.of(), null);
    }

    /** One variant per platform, each with the body as its text, the format and the media URLs. */
    private static List<PostVariantDto> variants(Map<PostCsvColumn, String> cells, int line,
                                                 List<PostImports.RowError> errors) {
        String format = cells.getOrDefault(PostCsvColumn.FORMAT, "post").strip().toLowerCase(Locale.ROOT);
        PostFormatDto known;
        try {
            known = PostFormatDto.fromValue(format);
        } catch (IllegalArgumentException e) {
            errors.add(new PostImports.RowError(line, PostCsvColumn.FORMAT.header(), "must be one of "
                    + Arrays.stream(PostFormatDto.values()).map(PostFormatDto::getValue).toList(), "enum"));
            known = PostFormatDto.POST;
        }
        List<PostVariantDto> variants = new ArrayList<>();
        if (!cells.containsKey(PostCsvColumn.PLATFORMS)) {
            for (PostCsvColumn variantOnly : List.of(PostCsvColumn.FORMAT, PostCsvColumn.MEDIA_URLS)) {
                if (cells.containsKey(variantOnly)) {
                    errors.add(new PostImports.RowError(line, variantOnly.header(), "needs platforms: it applies to"
                            + " the variant of each platform", "platforms"));
                }
            }
        }
        for (String platform : items(cells.get(PostCsvColumn.PLATFORMS))) {
            PostVariantDto variant = new PostVariantDto(platform.toLowerCase(Locale.ROOT), known);
            variant.setText(cells.get(PostCsvColumn.BODY));
            variant.setMediaUrls(items(cells.get(PostCsvColumn.MEDIA_URLS)));
            variants.add(variant);
        }
        return variants;
    }

    /** The items of a list cell, stripped; empty items are left out. */
    private static List<String> items(String cell) {
        return cell == null ? List.of() : ITEMS.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * The planned time: with its offset, or local in the brand's zone. A local time the zone skips or repeats (the
     * clocks change) is refused rather than guessed. Null (and an error) when it cannot be read.
     */
    private static OffsetDateTime plannedAt(String cell, ZoneId zone, int line, List<PostImports.RowError> errors) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeException notWithOffset) {
            // a local time, perhaps
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                LocalDateTime local = LocalDateTime.parse(text, format);
                List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                if (offsets.size() == 1) {
                    return local.atOffset(offsets.get(0));
                }
                errors.add(new PostImports.RowError(line, PostCsvColumn.PLANNED_AT.header(), offsets.isEmpty()
                        ? text + " does not exist in " + zone + " (the clocks go forward): give a time after the"
                        + " change, or the offset"
                        : text + " happens twice in " + zone + " (the clocks go back): add the offset, " + offsets.get(0)
                        + " for the first or " + offsets.get(1) + " for the second", offsets.isEmpty() ? "dst-gap"
                        : "dst-overlap"));
                return null;
            } catch (DateTimeException notThisFormat) {
                // the next format, perhaps
            }
        }
        errors.add(new PostImports.RowError(line, PostCsvColumn.PLANNED_AT.header(), "must be a date-time with offset"
                + " such as 2027-03-01T09:30:00+01:00, or a local one such as 2027-03-01 09:30 in " + zone,
                "date-time"));
        return null;
    }

    private static DateTimeFormatter local(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).optionalStart().appendPattern(":ss")
                .optionalEnd().toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}
