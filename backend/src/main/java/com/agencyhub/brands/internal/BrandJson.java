package com.agencyhub.brands.internal;

import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONEntry;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.agencyhub.jooq.Tables.BRAND;
import static com.agencyhub.jooq.Tables.BRAND_CHANNEL;

/**
 * A brand as the contract's {@code Brand} JSON, assembled by PostgreSQL in the statement that reads it: the API's
 * reads send these bytes as they come instead of decoding the row into a brand, a DTO and JSON again. It is the
 * same document {@code BrandDtos} and Jackson write, field for field (BrandJsonTest compares the two for varied
 * brands), only with PostgreSQL's spacing.
 */
final class BrandJson {

    /** The brand's channels in order, an aggregate over its {@code brand_channel} rows (null for none). */
    static final Field<JSON> CHANNELS = DSL.jsonArrayAgg(DSL.jsonObject(
                    entry("platform", BRAND_CHANNEL.PLATFORM),
                    entry("handle", BRAND_CHANNEL.HANDLE),
                    entry("url", BRAND_CHANNEL.URL)))
            .orderBy(BRAND_CHANNEL.POSITION)
            .as("channels_json");

    private BrandJson() {
    }

    /**
     * The JSON of the brand in {@code brand} (the brand table, or a table with its columns) with its
     * {@link #CHANNELS}. The notes are left out unless {@code withNotes}, and when there are none, as Jackson
     * leaves out a null {@code notes}; the other fields are always there, null or not.
     */
    static Field<JSON> of(Table<?> brand, Field<JSON> channels, boolean withNotes) {
        List<JSONEntry<?>> head = List.of(
                entry("id", brand.field(BRAND.ID)),
                entry("name", brand.field(BRAND.NAME)),
                entry("legalName", brand.field(BRAND.LEGAL_NAME)),
                entry("zone", brand.field(BRAND.ZONE)),
                entry("locale", brand.field(BRAND.LOCALE)),
                entry("industry", brand.field(BRAND.INDUSTRY)),
                entry("holidayRegion", brand.field(BRAND.HOLIDAY_REGION)),
                entry("channels", DSL.coalesce(channels, DSL.jsonArray())));
        List<JSONEntry<?>> tail = List.of(
                entry("status", brand.field(BRAND.STATUS)),
                entry("clientSeesAudit", brand.field(BRAND.CLIENT_SEES_AUDIT)),
                entry("clientSeesPlans", brand.field(BRAND.CLIENT_SEES_PLANS)),
                entry("clientSeesHours", brand.field(BRAND.CLIENT_SEES_HOURS)),
                entry("createdAt", rfc3339(brand.field(BRAND.CREATED_AT))),
                entry("updatedAt", rfc3339(brand.field(BRAND.UPDATED_AT))),
                entry("version", brand.field(BRAND.VERSION)));
        Field<JSON> withoutNotes = object(head, List.of(), tail);
        if (!withNotes) {
            return withoutNotes;
        }
        Field<String> notes = brand.field(BRAND.NOTES);
        return DSL.when(notes.isNull(), withoutNotes).otherwise(object(head, List.of(entry("notes", notes)), tail));
    }

    private static Field<JSON> object(List<JSONEntry<?>> head, List<JSONEntry<?>> middle, List<JSONEntry<?>> tail) {
        List<JSONEntry<?>> entries = new ArrayList<>(head);
        entries.addAll(middle);
        entries.addAll(tail);
        return DSL.jsonObject(entries);
    }

    /** The key written into the statement, not bound: 17 parameters fewer to send per brand read. */
    private static JSONEntry<?> entry(String key, Field<?> value) {
        return DSL.jsonEntry(DSL.inline(key), value);
    }

    /**
     * An instant as Jackson writes the API's {@code OffsetDateTime} in UTC: ISO 8601 with {@code Z}, the fraction
     * of a second without trailing zeros, none at a whole second.
     */
    private static Field<String> rfc3339(Field<Instant> instant) {
        return DSL.field("rtrim(rtrim(to_char({0} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.')"
                + " || 'Z'", String.class, instant);
    }
}
