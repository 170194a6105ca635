package com.agencyhub.brands.internal;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandQuery;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Channel;
import com.agencyhub.jooq.tables.records.BrandRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.BRAND;
import static com.agencyhub.jooq.Tables.BRAND_CHANNEL;

@Repository
public class BrandRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "brands";

    private static final Table<?> CHANNELS = DSL.lateral(DSL.select(
                    DSL.arrayAgg(BRAND_CHANNEL.PLATFORM).orderBy(BRAND_CHANNEL.POSITION).as("platforms"),
                    DSL.arrayAgg(BRAND_CHANNEL.HANDLE).orderBy(BRAND_CHANNEL.POSITION).as("handles"),
                    DSL.arrayAgg(BRAND_CHANNEL.URL).orderBy(BRAND_CHANNEL.POSITION).as("urls"))
            .from(BRAND_CHANNEL)
            .where(BRAND_CHANNEL.TENANT_ID.eq(BRAND.TENANT_ID).and(BRAND_CHANNEL.BRAND_ID.eq(BRAND.ID))))
            .as("channels");
    private static final Field<String[]> PLATFORMS = CHANNELS.field("platforms", String[].class);
    private static final Field<String[]> HANDLES = CHANNELS.field("handles", String[].class);
    private static final Field<String[]> URLS = CHANNELS.field("urls", String[].class);

    public Mono<Brand> insert(DSLContext sql, TenantId tenant, BrandSettings settings) {
        UUID id = UUID.randomUUID();
        return Mono.from(sql.insertInto(BRAND)
                        .set(BRAND.TENANT_ID, tenant.value())
                        .set(BRAND.ID, id)
                        .set(BRAND.STATUS, BrandStatus.ONBOARDING.value())
                        .set(editable(settings))
                        .returning())
                .flatMap(row -> insertChannels(sql, tenant, id, settings.channels()).thenReturn(row))
                .map(row -> brand(row, settings.channels()));
    }

    public Mono<Brand> findById(DSLContext sql, TenantId tenant, BrandId id) {
        return Mono.from(withChannels(sql).where(BRAND.TENANT_ID.eq(tenant.value()).and(BRAND.ID.eq(id.value()))))
                .map(BrandRepository::brand);
    }

    /**
     * Stores the settings if the brand still has {@code expectedVersion}; empty otherwise. The channels are rewritten
     * only when they changed.
     */
    public Mono<Brand> update(DSLContext sql, TenantId tenant, Brand current, BrandSettings settings,
                              int expectedVersion) {
        UUID id = current.id().value();
        Mono<Void> channels = settings.channels().equals(current.settings().channels()) ? Mono.empty()
                : Mono.from(sql.deleteFrom(BRAND_CHANNEL)
                        .where(BRAND_CHANNEL.TENANT_ID.eq(tenant.value()).and(BRAND_CHANNEL.BRAND_ID.eq(id))))
                .then(insertChannels(sql, tenant, id, settings.channels()));
        return Mono.from(sql.update(BRAND)
                        .set(editable(settings))
                        .set(BRAND.UPDATED_AT, DSL.currentInstant())
                        .set(BRAND.VERSION, BRAND.VERSION.plus(1))
                        .where(versioned(tenant, current.id(), expectedVersion))
                        .returning())
                .flatMap(row -> channels.thenReturn(brand(row, settings.channels())));
    }

    /** Sets the status if the brand still has {@code expectedVersion}; empty otherwise. */
    public Mono<Brand> updateStatus(DSLContext sql, TenantId tenant, Brand brand, BrandStatus status,
                                    int expectedVersion) {
        return Mono.from(sql.update(BRAND)
                        .set(BRAND.STATUS, status.value())
                        .set(BRAND.UPDATED_AT, DSL.currentInstant())
                        .set(BRAND.VERSION, BRAND.VERSION.plus(1))
                        .where(versioned(tenant, brand.id(), expectedVersion))
                        .returning())
                .map(row -> brand(row, brand.settings().channels()));
    }

    /** One page in (name, id) order, a keyset that new brands cannot shift, each brand with its channels. */
    public Mono<Page<Brand>> list(DSLContext sql, TenantId tenant, BrandQuery query, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(BRAND.TENANT_ID.eq(tenant.value()));
        conditions.add(query.status() == null ? BRAND.STATUS.ne(BrandStatus.OFFBOARDED.value())
                : BRAND.STATUS.eq(query.status().value()));
        if (query.scope() != null) {
            conditions.add(BRAND.ID.eq(DSL.any(query.scope().stream().map(BrandId::value).toArray(UUID[]::new))));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(BRAND.NAME, BRAND.ID).gt(after.get(0), Cursor.uuid(after.get(1))));
        }
        return Flux.from(withChannels(sql).where(conditions).orderBy(BRAND.NAME, BRAND.ID).limit(limit + 1))
                .map(BrandRepository::brand)
                .collectList()
                .map(brands -> Page.of(brands, limit,
                        last -> Cursor.encode(CURSOR_LIST, last.settings().name(), last.id().toString())));
    }

    /**
     * Brands with their channels in one statement: the channels of each brand aggregated in position order into
     * three arrays by a lateral subquery, which runs only for the rows the outer query returns.
     */
    private static SelectJoinStep<Record> withChannels(DSLContext sql) {
        return sql.select(BRAND.fields()).select(PLATFORMS, HANDLES, URLS).from(BRAND.crossJoin(CHANNELS));
    }

    private static Condition versioned(TenantId tenant, BrandId id, int expectedVersion) {
        return BRAND.TENANT_ID.eq(tenant.value()).and(BRAND.ID.eq(id.value())).and(BRAND.VERSION.eq(expectedVersion));
    }

    private static Map<Field<?>, Object> editable(BrandSettings settings) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BRAND.NAME, settings.name());
        values.put(BRAND.LEGAL_NAME, settings.legalName());
        values.put(BRAND.ZONE, settings.zone().getId());
        values.put(BRAND.LOCALE, settings.locale());
        values.put(BRAND.INDUSTRY, settings.industry());
        values.put(BRAND.HOLIDAY_REGION, settings.holidayRegion());
        values.put(BRAND.NOTES, settings.notes());
        values.put(BRAND.CLIENT_SEES_AUDIT, settings.clientSeesAudit());
        values.put(BRAND.CLIENT_SEES_PLANS, settings.clientSeesPlans());
        return values;
    }

    private static Mono<Void> insertChannels(DSLContext sql, TenantId tenant, UUID brand, List<Channel> channels) {
        if (channels.isEmpty()) {
            return Mono.empty();
        }
        var insert = sql.insertInto(BRAND_CHANNEL, BRAND_CHANNEL.TENANT_ID, BRAND_CHANNEL.BRAND_ID, BRAND_CHANNEL.ID,
                BRAND_CHANNEL.POSITION, BRAND_CHANNEL.PLATFORM, BRAND_CHANNEL.HANDLE, BRAND_CHANNEL.URL);
        for (int position = 0; position < channels.size(); position++) {
            Channel channel = channels.get(position);
            insert = insert.values(tenant.value(), brand, UUID.randomUUID(), position, channel.platform(),
                    channel.handle(), channel.url());
        }
        return Mono.from(insert).then();
    }

    private static Brand brand(Record row) {
        String[] platforms = row.get(PLATFORMS);
        List<Channel> channels = new ArrayList<>(platforms == null ? 0 : platforms.length);
        if (platforms != null) {
            String[] handles = row.get(HANDLES);
            String[] urls = row.get(URLS);
            for (int i = 0; i < platforms.length; i++) {
                channels.add(new Channel(platforms[i], handles[i], urls[i]));
            }
        }
        return brand(row.into(BRAND), List.copyOf(channels));
    }

    private static Brand brand(BrandRecord row, List<Channel> channels) {
        return new Brand(new BrandId(row.getId()), new BrandSettings(row.getName(), row.getLegalName(),
                ZoneId.of(row.getZone()), row.getLocale(), row.getIndustry(), row.getHolidayRegion(), channels,
                row.getNotes(), row.getClientSeesAudit(), row.getClientSeesPlans()),
                BrandStatus.of(row.getStatus()), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
    }
}
