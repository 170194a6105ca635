package com.agencyhub.brands.internal;

import com.agencyhub.audit.AuditLog;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandQuery;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.RenderedBrand;
import com.agencyhub.brands.Channel;
import com.agencyhub.jooq.tables.records.BrandRecord;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.PreparedRead;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.web.Cursor;
import io.r2dbc.spi.Row;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QuantifiedSelect;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.agencyhub.jooq.Tables.BRAND;
import static com.agencyhub.jooq.Tables.BRAND_CHANNEL;

@Repository
public class BrandRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "brands";

    private static final Field<String[]> PLATFORMS_OF_BRAND =
            DSL.arrayAgg(BRAND_CHANNEL.PLATFORM).orderBy(BRAND_CHANNEL.POSITION).as("platforms");
    private static final Field<String[]> HANDLES_OF_BRAND =
            DSL.arrayAgg(BRAND_CHANNEL.HANDLE).orderBy(BRAND_CHANNEL.POSITION).as("handles");
    private static final Field<String[]> URLS_OF_BRAND =
            DSL.arrayAgg(BRAND_CHANNEL.URL).orderBy(BRAND_CHANNEL.POSITION).as("urls");
    private static final Table<?> CHANNELS = DSL.lateral(
                    DSL.select(PLATFORMS_OF_BRAND, HANDLES_OF_BRAND, URLS_OF_BRAND)
                            .from(BRAND_CHANNEL)
                            .where(BRAND_CHANNEL.TENANT_ID.eq(BRAND.TENANT_ID)
                                    .and(BRAND_CHANNEL.BRAND_ID.eq(BRAND.ID))))
            .as("channels");
    private static final Table<?> CHANNELS_JSON = DSL.lateral(DSL.select(BrandJson.CHANNELS)
                    .from(BRAND_CHANNEL)
                    .where(BRAND_CHANNEL.TENANT_ID.eq(BRAND.TENANT_ID).and(BRAND_CHANNEL.BRAND_ID.eq(BRAND.ID))))
            .as("channels");
    /** What a read of brands selects: the brand's columns in table order, then its channels as three arrays. */
    private static final List<Field<?>> COLUMNS = Stream.concat(Stream.of(BRAND.fields()), Stream.of(
            CHANNELS.field(PLATFORMS_OF_BRAND), CHANNELS.field(HANDLES_OF_BRAND), CHANNELS.field(URLS_OF_BRAND)))
            .toList();
    private static final int PLATFORMS_COLUMN = BRAND.fields().length;
    /** The columns users edit, in the order {@link #editableValues} gives their values. */
    private static final List<Field<?>> EDITABLE = List.of(BRAND.NAME, BRAND.LEGAL_NAME, BRAND.ZONE, BRAND.LOCALE,
            BRAND.INDUSTRY, BRAND.HOLIDAY_REGION, BRAND.NOTES, BRAND.CLIENT_SEES_AUDIT, BRAND.CLIENT_SEES_PLANS,
            BRAND.CLIENT_SEES_HOURS);
    private static final PreparedRead BRAND_BY_ID = PreparedRead.of(DSL.select(COLUMNS).from(BRAND.crossJoin(CHANNELS))
            .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class)).and(BRAND.ID.eq(DSL.param(UUID.class)))));
    private static final PreparedRead UPDATE_BRAND = updateStatement();
    private static final PreparedRead VERSION_OF_BRAND = PreparedRead.of(DSL.select(BRAND.VERSION).from(BRAND)
            .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class)).and(BRAND.ID.eq(DSL.param(UUID.class)))));
    private static final Map<PageShape, PreparedRead> PAGE_READS = new ConcurrentHashMap<>();
    private static final PreparedRead RENDERED_WITH_NOTES = renderedRead(true);
    private static final PreparedRead RENDERED_WITHOUT_NOTES = renderedRead(false);
    /** What a read of brand refs selects, in the order {@link #ref} reads. */
    private static final List<Field<?>> REF_COLUMNS = List.of(BRAND.ID, BRAND.NAME, BRAND.ZONE, BRAND.STATUS,
            BRAND.HOLIDAY_REGION);

    private final Transactions transactions;
    private final RenderedBrandCache cache;

    BrandRepository(Transactions transactions, RenderedBrandCache cache) {
        this.transactions = transactions;
        this.cache = cache;
    }

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

    /** The brand, in the agency's ongoing transaction if there is one. */
    public Mono<Brand> findById(TenantId tenant, BrandId id) {
        return transactions.fetch(tenant, BRAND_BY_ID, List.of(tenant.value(), id.value()), BrandRepository::brand)
                .mapNotNull(brands -> brands.isEmpty() ? null : brands.get(0));
    }

    /**
     * The brand as the contract's JSON ({@link BrandJson}), the notes only {@code withNotes}; empty if none. Its
     * version and (when not kept) its document are each read in one round trip of their own.
     */
    public Mono<RenderedBrand> findRendered(TenantId tenant, BrandId id, boolean withNotes) {
        return transactions.fetch(tenant, VERSION_OF_BRAND, List.of(tenant.value(), id.value()),
                        row -> new Listed(null, id.value(), row.get(0, Integer.class)))
                .flatMap(found -> rendered(tenant, found, withNotes))
                .mapNotNull(brands -> brands.isEmpty() ? null : brands.get(0));
    }

    /**
     * The documents of {@code brands} in their order: from the cache where it holds their version, the others
     * assembled by PostgreSQL in one statement (and kept). A brand deleted since it was listed is left out; one
     * changed since comes at its new version.
     */
    private Mono<List<RenderedBrand>> rendered(TenantId tenant, List<Listed> brands, boolean withNotes) {
        RenderedBrand[] documents = new RenderedBrand[brands.size()];
        List<UUID> missing = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            Listed brand = brands.get(i);
            documents[i] = cache.get(tenant, brand.id(), withNotes, brand.version());
            if (documents[i] == null) {
                missing.add(brand.id());
            }
        }
        if (missing.isEmpty()) {
            return Mono.just(Arrays.asList(documents));
        }
        return transactions.fetch(tenant, withNotes ? RENDERED_WITH_NOTES : RENDERED_WITHOUT_NOTES,
                        List.of(tenant.value(), missing.toArray(UUID[]::new)), row -> {
                            UUID id = row.get(0, UUID.class);
                            RenderedBrand document = new RenderedBrand(row.get(1, Integer.class), row.get(2, byte[].class));
                            cache.put(tenant, id, withNotes, document);
                            return Map.entry(id, document);
                        })
                .map(assembled -> {
                    Map<UUID, RenderedBrand> byId = Map.ofEntries(assembled.toArray(Map.Entry[]::new));
                    List<RenderedBrand> inOrder = new ArrayList<>(documents.length);
                    for (int i = 0; i < documents.length; i++) {
                        RenderedBrand document = documents[i] != null ? documents[i] : byId.get(brands.get(i).id());
                        if (document != null) {
                            inOrder.add(document);
                        }
                    }
                    return inOrder;
                });
    }

    /**
     * The statement of {@link #rendered}, rendered once: the agency and an array of brand ids are bound, in that
     * order.
     */
    private static PreparedRead renderedRead(boolean withNotes) {
        return PreparedRead.of(DSL.select(BRAND.ID, BRAND.VERSION,
                        BrandJson.of(BRAND, CHANNELS_JSON.field(BrandJson.CHANNELS), withNotes))
                .from(BRAND.crossJoin(CHANNELS_JSON))
                .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class))
                        .and(BRAND.ID.eq(DSL.any(DSL.param(UUID[].class))))));
    }

    /** The zones of the brands among {@code ids}, in the agency's ongoing transaction if there is one. */
    public Mono<Map<BrandId, ZoneId>> zones(TenantId tenant, Set<BrandId> ids) {
        return column(tenant, ids, BRAND.ZONE, ZoneId::of);
    }

    /** The names of the brands among {@code ids}, in the agency's ongoing transaction if there is one. */
    public Mono<Map<BrandId, String>> names(TenantId tenant, Set<BrandId> ids) {
        return column(tenant, ids, BRAND.NAME, name -> name);
    }

    /** The refs of the brands among {@code ids}, in the agency's ongoing transaction if there is one. */
    public Mono<Map<BrandId, BrandRef>> refs(TenantId tenant, Set<BrandId> ids) {
        return transactions.fetch(tenant, DSL.select(REF_COLUMNS).from(BRAND)
                                .where(BRAND.TENANT_ID.eq(tenant.value()).and(BRAND.ID.eq(anyOf(ids)))),
                        BrandRepository::ref)
                .map(refs -> refs.stream().collect(Collectors.toMap(BrandRef::id, Function.identity())));
    }

    /** The refs of every brand of the agency by name, in the agency's ongoing transaction if there is one. */
    public Mono<List<BrandRef>> refs(TenantId tenant) {
        return transactions.fetch(tenant, DSL.select(REF_COLUMNS).from(BRAND)
                .where(BRAND.TENANT_ID.eq(tenant.value()))
                .orderBy(BRAND.NAME, BRAND.ID), BrandRepository::ref);
    }

    private static BrandRef ref(Row row) {
        return new BrandRef(new BrandId(row.get(0, UUID.class)), row.get(1, String.class),
                ZoneId.of(row.get(2, String.class)), BrandStatus.of(row.get(3, String.class)), row.get(4, String.class));
    }

    /** One text column of the brands among {@code ids}, by brand. */
    private <T> Mono<Map<BrandId, T>> column(TenantId tenant, Set<BrandId> ids, Field<String> column,
                                             Function<String, T> mapping) {
        return transactions.fetch(tenant, DSL.select(BRAND.ID, column).from(BRAND)
                        .where(BRAND.TENANT_ID.eq(tenant.value())
                                .and(BRAND.ID.eq(anyOf(ids)))),
                        row -> Map.entry(new BrandId(row.get(0, UUID.class)), mapping.apply(row.get(1, String.class))))
                .map(entries -> Map.<BrandId, T>ofEntries(entries.toArray(Map.Entry[]::new)));
    }

    private static QuantifiedSelect<Record1<UUID>> anyOf(Set<BrandId> ids) {
        return DSL.any(ids.stream().map(BrandId::value).toArray(UUID[]::new));
    }

    /**
     * Stores the settings if the brand still has {@code expectedVersion}, and records the audit event with
     * {@code event}'s values ({@link AuditLog#event}) in the same statement; empty (and nothing recorded) otherwise.
     * The channels are rewritten only when they changed.
     */
    public Mono<Brand> update(DSLContext sql, TenantId tenant, Brand current, BrandSettings settings,
                              int expectedVersion, List<Object> event) {
        UUID id = current.id().value();
        Mono<Void> channels = settings.channels().equals(current.settings().channels()) ? Mono.empty()
                : Mono.from(sql.deleteFrom(BRAND_CHANNEL)
                        .where(BRAND_CHANNEL.TENANT_ID.eq(tenant.value()).and(BRAND_CHANNEL.BRAND_ID.eq(id))))
                .then(insertChannels(sql, tenant, id, settings.channels()));
        List<Object> values = new ArrayList<>(editableValues(settings));
        values.addAll(List.of(tenant.value(), id, expectedVersion));
        values.addAll(event);
        return transactions.fetch(sql, UPDATE_BRAND, values, row -> brand(row, settings.channels()))
                .mapNotNull(updated -> updated.isEmpty() ? null : updated.get(0))
                .flatMap(brand -> channels.thenReturn(brand));
    }

    /**
     * The statement of {@link #update}, rendered once: bound in order are the {@link #editable} values, the agency,
     * the brand and the version it must still have, then the audit event's values.
     */
    private static PreparedRead updateStatement() {
        Map<Field<?>, Object> placeholders = new LinkedHashMap<>();
        for (Field<?> field : EDITABLE) {
            placeholders.put(field, DSL.param(field.getType()));
        }
        return AuditLog.recorded(DSL.update(BRAND)
                .set(placeholders)
                .set(BRAND.UPDATED_AT, DSL.currentInstant())
                .set(BRAND.VERSION, BRAND.VERSION.plus(DSL.inline(1)))
                .where(BRAND.TENANT_ID.eq(DSL.param(UUID.class)).and(BRAND.ID.eq(DSL.param(UUID.class)))
                        .and(BRAND.VERSION.eq(DSL.param(Integer.class))))
                .returning(BRAND.fields()));
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

    /**
     * One page in (name, id) order, a keyset that new brands cannot shift, each brand with its channels: the page
     * first, then the channels of just its brands in one pass, grouped by brand. (Aggregating per brand with a
     * lateral subquery, as {@link #findById} does, costs PostgreSQL twice as much for a page.)
     */
    public Mono<Page<Brand>> list(TenantId tenant, BrandQuery query, int limit, String cursor) {
        CommonTableExpression<BrandRecord> page = page(tenant, query, limit, cursor);
        Table<?> channels = channelsOfPage(tenant, page, PLATFORMS_OF_BRAND, HANDLES_OF_BRAND, URLS_OF_BRAND);
        var brandsWithChannels = DSL.with(page)
                .select(page.fields())
                .select(channels.field(PLATFORMS_OF_BRAND), channels.field(HANDLES_OF_BRAND),
                        channels.field(URLS_OF_BRAND))
                .from(page)
                .leftJoin(channels).on(channels.field(BRAND_CHANNEL.BRAND_ID).eq(page.field(BRAND.ID)))
                .orderBy(page.field(BRAND.NAME), page.field(BRAND.ID));
        return transactions.fetch(tenant, brandsWithChannels, BrandRepository::brand)
                .map(brands -> Page.of(brands, limit,
                        last -> Cursor.encode(CURSOR_LIST, last.settings().name(), last.id().toString())));
    }

    /**
     * The page {@link #list} reads, each brand as the contract's JSON ({@link BrandJson}). The page's statement
     * reads names, ids and versions only; the documents come from {@link #rendered}.
     */
    public Mono<Page<RenderedBrand>> listRendered(TenantId tenant, BrandQuery query, int limit, String cursor,
                                                  boolean withNotes) {
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 2);
        List<Object> values = new ArrayList<>(5);
        values.add(tenant.value());
        if (query.status() != null) {
            values.add(query.status().value());
        }
        if (query.scope() != null) {
            values.add(query.scope().stream().map(BrandId::value).toArray(UUID[]::new));
        }
        if (after != null) {
            values.add(after.get(0));
            values.add(Cursor.uuid(after.get(1)));
        }
        PreparedRead pageRead = PAGE_READS.computeIfAbsent(
                new PageShape(query.status() != null, query.scope() != null, after != null, limit),
                BrandRepository::pageRead);
        return transactions.fetch(tenant, pageRead, values,
                        row -> new Listed(row.get(0, String.class), row.get(1, UUID.class), row.get(2, Integer.class)))
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, last.name(), last.id().toString())))
                .flatMap(page -> rendered(tenant, page.items(), withNotes)
                        .map(documents -> new Page<>(documents, page.nextCursor())));
    }

    /** A brand of a page with the keys its cursor needs and the version its document must have. */
    private record Listed(String name, UUID id, int version) {
    }

    /** What the statement of a page depends on besides its bound values; there are at most 1,600 shapes. */
    private record PageShape(boolean byStatus, boolean scoped, boolean afterCursor, int limit) {
    }

    /**
     * A page's names, ids and versions in (name, id) order, a keyset that new brands cannot shift; one more than
     * the limit. Bound in order: the agency, the status (if by status), the scope (if scoped), the cursor's name
     * and id (if after a cursor).
     */
    private static PreparedRead pageRead(PageShape shape) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(BRAND.TENANT_ID.eq(DSL.param(UUID.class)));
        conditions.add(shape.byStatus() ? BRAND.STATUS.eq(DSL.param(String.class))
                : BRAND.STATUS.ne(DSL.inline(BrandStatus.OFFBOARDED.value())));
        if (shape.scoped()) {
            conditions.add(BRAND.ID.eq(DSL.any(DSL.param(UUID[].class))));
        }
        if (shape.afterCursor()) {
            conditions.add(DSL.row(BRAND.NAME, BRAND.ID).gt(DSL.param(String.class), DSL.param(UUID.class)));
        }
        return PreparedRead.of(DSL.select(BRAND.NAME, BRAND.ID, BRAND.VERSION).from(BRAND).where(conditions)
                .orderBy(BRAND.NAME, BRAND.ID).limit(DSL.inline(shape.limit() + 1)));
    }

    /** The brands of one page of {@link #list}: the query's, after the cursor, and one more than the limit. */
    private static CommonTableExpression<BrandRecord> page(TenantId tenant, BrandQuery query, int limit,
                                                           String cursor) {
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
        // the page size is written into the statement: with it bound, PostgreSQL's cached generic plan expects
        // a page of one brand and aggregates the channels once per brand, three times slower
        return DSL.name("page").as(DSL.selectFrom(BRAND).where(conditions)
                .orderBy(BRAND.NAME, BRAND.ID).limit(DSL.inline(limit + 1)));
    }

    /** The channels of the page's brands, aggregated by brand into {@code aggregates}, in one grouped pass. */
    private static Table<?> channelsOfPage(TenantId tenant, CommonTableExpression<BrandRecord> page,
                                           Field<?>... aggregates) {
        return DSL.select(BRAND_CHANNEL.BRAND_ID).select(aggregates)
                .from(BRAND_CHANNEL)
                .where(BRAND_CHANNEL.TENANT_ID.eq(tenant.value())
                        .and(BRAND_CHANNEL.BRAND_ID.in(DSL.select(page.field(BRAND.ID)).from(page))))
                .groupBy(BRAND_CHANNEL.BRAND_ID)
                .asTable("channels");
    }

    private static Condition versioned(TenantId tenant, BrandId id, int expectedVersion) {
        return BRAND.TENANT_ID.eq(tenant.value()).and(BRAND.ID.eq(id.value())).and(BRAND.VERSION.eq(expectedVersion));
    }

    private static Map<Field<?>, Object> editable(BrandSettings settings) {
        List<Object> values = editableValues(settings);
        Map<Field<?>, Object> editable = new LinkedHashMap<>();
        for (int i = 0; i < EDITABLE.size(); i++) {
            editable.put(EDITABLE.get(i), values.get(i));
        }
        return editable;
    }

    /** The values of {@link #EDITABLE} in its order (nulls included). */
    private static List<Object> editableValues(BrandSettings settings) {
        return Arrays.asList(settings.name(), settings.legalName(), settings.zone().getId(), settings.locale(),
                settings.industry(), settings.holidayRegion(), settings.notes(), settings.clientSeesAudit(),
                settings.clientSeesPlans(), settings.clientSeesHours());
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

    /** A brand from a row of {@link #COLUMNS}' shape: the brand's columns in table order, then its channels. */
    private static Brand brand(Row row) {
        String[] platforms = row.get(PLATFORMS_COLUMN, String[].class);
        List<Channel> channels = new ArrayList<>(platforms == null ? 0 : platforms.length);
        if (platforms != null) {
            String[] handles = row.get(PLATFORMS_COLUMN + 1, String[].class);
            String[] urls = row.get(PLATFORMS_COLUMN + 2, String[].class);
            for (int i = 0; i < platforms.length; i++) {
                channels.add(new Channel(platforms[i], handles[i], urls[i]));
            }
        }
        return brand(row, List.copyOf(channels));
    }

    /** A brand from a row that starts with the brand's columns in table order. */
    private static Brand brand(Row row, List<Channel> channels) {
        return new Brand(new BrandId(row.get(column(BRAND.ID), UUID.class)), new BrandSettings(
                row.get(column(BRAND.NAME), String.class), row.get(column(BRAND.LEGAL_NAME), String.class),
                ZoneId.of(row.get(column(BRAND.ZONE), String.class)), row.get(column(BRAND.LOCALE), String.class),
                row.get(column(BRAND.INDUSTRY), String.class), row.get(column(BRAND.HOLIDAY_REGION), String.class),
                channels, row.get(column(BRAND.NOTES), String.class),
                row.get(column(BRAND.CLIENT_SEES_AUDIT), Boolean.class),
                row.get(column(BRAND.CLIENT_SEES_PLANS), Boolean.class),
                row.get(column(BRAND.CLIENT_SEES_HOURS), Boolean.class)),
                BrandStatus.of(row.get(column(BRAND.STATUS), String.class)),
                row.get(column(BRAND.CREATED_AT), Instant.class), row.get(column(BRAND.UPDATED_AT), Instant.class),
                row.get(column(BRAND.VERSION), Integer.class));
    }

    private static int column(Field<?> field) {
        return BRAND.indexOf(field);
    }

    private static Brand brand(BrandRecord row, List<Channel> channels) {
        return new Brand(new BrandId(row.getId()), new BrandSettings(row.getName(), row.getLegalName(),
                ZoneId.of(row.getZone()), row.getLocale(), row.getIndustry(), row.getHolidayRegion(), channels,
                row.getNotes(), row.getClientSeesAudit(), row.getClientSeesPlans(),
                row.getClientSeesHours()),
                BrandStatus.of(row.getStatus()), row.getCreatedAt(), row.getUpdatedAt(), row.getVersion());
    }
}
