package com.agencyhub.brands.internal;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandQuery;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Channel;
import com.agencyhub.jooq.tables.records.BrandChannelRecord;
import com.agencyhub.jooq.tables.records.BrandRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.BRAND;
import static com.agencyhub.jooq.Tables.BRAND_CHANNEL;

@Repository
public class BrandRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "brands";

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
        return Mono.from(sql.selectFrom(BRAND).where(BRAND.TENANT_ID.eq(tenant.value()).and(BRAND.ID.eq(id.value()))))
                .flatMap(row -> channels(sql, tenant, List.of(row.getId()))
                        .map(channels -> brand(row, channels.getOrDefault(row.getId(), List.of()))));
    }

    /** Stores the settings if the brand still has {@code expectedVersion}; empty otherwise. */
    public Mono<Brand> update(DSLContext sql, TenantId tenant, BrandId id, BrandSettings settings, int expectedVersion) {
        return Mono.from(sql.update(BRAND)
                        .set(editable(settings))
                        .set(BRAND.UPDATED_AT, DSL.currentInstant())
                        .set(BRAND.VERSION, BRAND.VERSION.plus(1))
                        .where(versioned(tenant, id, expectedVersion))
                        .returning())
                .flatMap(row -> Mono.from(sql.deleteFrom(BRAND_CHANNEL)
                                .where(BRAND_CHANNEL.TENANT_ID.eq(tenant.value()).and(BRAND_CHANNEL.BRAND_ID.eq(id.value()))))
                        .then(insertChannels(sql, tenant, id.value(), settings.channels()))
                        .thenReturn(brand(row, settings.channels())));
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

    /** One page in (name, id) order, a keyset that new brands cannot shift; channels come in one more query. */
    public Mono<Page<Brand>> list(DSLContext sql, TenantId tenant, BrandQuery query, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(BRAND.TENANT_ID.eq(tenant.value()));
        conditions.add(query.status() == null ? BRAND.STATUS.ne(BrandStatus.OFFBOARDED.value())
                : BRAND.STATUS.eq(query.status().value()));
        if (query.scope() != null) {
            conditions.add(BRAND.ID.in(query.scope().stream().map(BrandId::value).toList()));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(BRAND.NAME, BRAND.ID).gt(after.get(0), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.selectFrom(BRAND).where(conditions).orderBy(BRAND.NAME, BRAND.ID).limit(limit + 1))
                .collectList()
                .flatMap(rows -> channels(sql, tenant, rows.stream().map(BrandRecord::getId).toList())
                        .map(channels -> rows.stream()
                                .map(row -> brand(row, channels.getOrDefault(row.getId(), List.of()))).toList()))
                .map(brands -> Page.of(brands, limit,
                        last -> Cursor.encode(CURSOR_LIST, last.settings().name(), last.id().toString())));
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

    private static Mono<Map<UUID, List<Channel>>> channels(DSLContext sql, TenantId tenant, List<UUID> brands) {
        if (brands.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.from(sql.selectFrom(BRAND_CHANNEL)
                        .where(BRAND_CHANNEL.TENANT_ID.eq(tenant.value()).and(BRAND_CHANNEL.BRAND_ID.in(brands)))
                        .orderBy(BRAND_CHANNEL.BRAND_ID, BRAND_CHANNEL.POSITION))
                .collect(Collectors.groupingBy(BrandChannelRecord::getBrandId,
                        Collectors.mapping(BrandRepository::channel, Collectors.toList())));
    }

    private static Channel channel(BrandChannelRecord row) {
        return new Channel(row.getPlatform(), row.getHandle(), row.getUrl());
    }

    private static Brand brand(BrandRecord row, List<Channel> channels) {
        return new Brand(new BrandId(row.getId()), new BrandSettings(row.getName(), row.getLegalName(),
                ZoneId.of(row.getZone()), row.getLocale(), row.getIndustry(), row.getHolidayRegion(), channels,
                row.getNotes(), row.getClientSeesAudit(), row.getClientSeesPlans()),
                BrandStatus.of(row.getStatus()), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
    }
}
