package com.agencyhub.calendar.web;

import com.agencyhub.calendar.Post;
import com.agencyhub.calendar.PostVariant;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.CsvWriter;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes posts as CSV in the columns of {@link PostCsvColumn}, so that the file can be edited and imported again: the
 * planned time with the offset of the brand's zone, the assignee by e-mail. One text, format and media list stand for
 * all variants: the body, the first variant's format, the media of all variants.
 */
final class PostCsvExport {

    private PostCsvExport() {
    }

    /** The file: header, then one row per post; {@code bom} starts it with a byte-order mark (for Excel). */
    static String csv(List<Post> posts, Map<BrandId, String> brandNames, Map<UserId, String> emails, char separator,
                      boolean bom) {
        StringBuilder file = new StringBuilder(bom ? CsvWriter.BOM : "");
        file.append(CsvWriter.row(Arrays.stream(PostCsvColumn.values()).map(PostCsvColumn::header).toList(),
                separator));
        for (Post post : posts) {
            file.append(CsvWriter.row(cells(post, brandNames, emails), separator));
        }
        return file.toString();
    }

    private static List<String> cells(Post post, Map<BrandId, String> brandNames, Map<UserId, String> emails) {
        List<PostVariant> variants = post.plan().variants();
        return Arrays.stream(PostCsvColumn.values()).map(column -> switch (column) {
            case ID -> post.id().toString();
            case STATUS -> post.status().value();
            case BRAND -> brandNames.getOrDefault(post.brand(), post.brand().toString());
            case TITLE -> post.plan().title();
            case PLANNED_AT -> post.plan().plannedAt().atZone(post.zone()).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case BODY -> post.plan().body();
            case PLATFORMS -> items(variants.stream().map(PostVariant::platform).distinct().toList());
            case FORMAT -> variants.isEmpty() ? "" : variants.get(0).format().value();
            case PILLAR -> orEmpty(post.plan().pillar());
            case ASSIGNEE -> post.plan().assignee() == null ? "" : emails.getOrDefault(post.plan().assignee(), "");
            case LABELS -> items(post.plan().labels());
            case CAMPAIGN -> orEmpty(post.plan().campaign());
            case MEDIA_URLS -> items(variants.stream().flatMap(variant -> variant.mediaUrls().stream())
                    .map(URI::toString).distinct().toList());
        }).toList();
    }

    private static String items(List<String> items) {
        return String.join(PostCsvColumn.ITEMS, items);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
