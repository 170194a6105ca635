package com.agencyhub.roster.internal;

import com.agencyhub.roster.OverrideId;
import com.agencyhub.roster.ShiftOverride;
import com.agencyhub.roster.StoredOverride;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.ROSTER_OVERRIDE;
import static com.agencyhub.jooq.Tables.ROSTER_OVERRIDE_BRAND;

/** Overrides with their brands, read in one statement. */
@Repository
public class OverrideRepository {

    private static final String CURSOR = "roster-overrides";

    private static final Field<UUID[]> BRANDS = DSL.field(DSL.select(DSL.arrayAgg(ROSTER_OVERRIDE_BRAND.BRAND_ID))
            .from(ROSTER_OVERRIDE_BRAND)
            .where(ROSTER_OVERRIDE_BRAND.TENANT_ID.eq(ROSTER_OVERRIDE.TENANT_ID)
                    .and(ROSTER_OVERRIDE_BRAND.OVERRIDE_ID.eq(ROSTER_OVERRIDE.ID)))).as("brand_ids");
    private static final List<SelectFieldOrAsterisk> COLUMNS = List.of(ROSTER_OVERRIDE.asterisk(), BRANDS);

    /** Stores the override; {@code swapId} non-null for one half of a swap (whose override names the other member). */
    public Mono<StoredOverride> insert(DSLContext sql, TenantId tenant, OverrideId overrideId, ShiftOverride override,
                                       UUID swapId, String note, UserId createdBy) {
        UUID id = overrideId.value();
        var brands = sql.insertInto(ROSTER_OVERRIDE_BRAND, ROSTER_OVERRIDE_BRAND.TENANT_ID,
                ROSTER_OVERRIDE_BRAND.OVERRIDE_ID, ROSTER_OVERRIDE_BRAND.BRAND_ID);
        for (BrandId brand : override.brands()) {
            brands = brands.values(tenant.value(), id, brand.value());
        }
        return Mono.from(sql.insertInto(ROSTER_OVERRIDE)
                        .set(ROSTER_OVERRIDE.TENANT_ID, tenant.value())
                        .set(ROSTER_OVERRIDE.ID, id)
                        .set(ROSTER_OVERRIDE.MEMBER_ID, override.member().value())
                        .set(ROSTER_OVERRIDE.STARTS_AT, override.from())
                        .set(ROSTER_OVERRIDE.ENDS_AT, override.to())
                        .set(ROSTER_OVERRIDE.SWAP_ID, swapId)
                        .set(ROSTER_OVERRIDE.SWAP_WITH, override.swapWith().map(UserId::value).orElse(null))
                        .set(ROSTER_OVERRIDE.NOTE, note)
                        .set(ROSTER_OVERRIDE.CREATED_BY, createdBy.value()))
                .then(Mono.from(brands))
                .then(find(sql, tenant, new OverrideId(id)));
    }

    public Mono<StoredOverride> find(DSLContext sql, TenantId tenant, OverrideId id) {
        return Mono.from(sql.select(COLUMNS).from(ROSTER_OVERRIDE)
                        .where(ROSTER_OVERRIDE.TENANT_ID.eq(tenant.value()).and(ROSTER_OVERRIDE.ID.eq(id.value()))))
                .map(OverrideRepository::override);
    }

    /** The override and, for half of a swap, the other half: the overrides to delete together. */
    public Flux<StoredOverride> withPartner(DSLContext sql, TenantId tenant, StoredOverride override) {
        if (override.swapId() == null) {
            return Flux.just(override);
        }
        return Flux.from(sql.select(COLUMNS).from(ROSTER_OVERRIDE)
                        .where(ROSTER_OVERRIDE.TENANT_ID.eq(tenant.value())
                                .and(ROSTER_OVERRIDE.SWAP_ID.eq(override.swapId())))
                        .orderBy(ROSTER_OVERRIDE.CREATED_AT, ROSTER_OVERRIDE.ID))
                .map(OverrideRepository::override);
    }

    public Mono<Void> delete(DSLContext sql, TenantId tenant, OverrideId id) {
        return Mono.from(sql.deleteFrom(ROSTER_OVERRIDE)
                .where(ROSTER_OVERRIDE.TENANT_ID.eq(tenant.value()).and(ROSTER_OVERRIDE.ID.eq(id.value())))).then();
    }

    /** One page of the overrides overlapping {@code [from, to)} (to null: open-ended), by start then id. */
    public Mono<Page<StoredOverride>> list(DSLContext sql, TenantId tenant, Instant from, Instant to, UserId member,
                                           BrandId brand, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>(overlapping(tenant, from, to));
        if (member != null) {
            conditions.add(ROSTER_OVERRIDE.MEMBER_ID.eq(member.value()));
        }
        if (brand != null) {
            conditions.add(covers(tenant, Set.of(brand)));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 2);
        if (after != null) {
            conditions.add(DSL.row(ROSTER_OVERRIDE.STARTS_AT, ROSTER_OVERRIDE.ID)
                    .gt(Cursor.instant(after.get(0)), Cursor.uuid(after.get(1))));
        }
        return Flux.from(sql.select(COLUMNS).from(ROSTER_OVERRIDE).where(conditions)
                        .orderBy(ROSTER_OVERRIDE.STARTS_AT, ROSTER_OVERRIDE.ID)
                        .limit(DSL.inline(limit + 1)))
                .map(OverrideRepository::override)
                .collectList()
                .map(overrides -> Page.of(overrides, limit, last -> Cursor.encode(CURSOR,
                        last.override().from().toString(), last.id().toString())));
    }

    /** Every override overlapping {@code [from, to)} for any of {@code brands} (null: all brands). */
    public Flux<StoredOverride> between(DSLContext sql, TenantId tenant, Instant from, Instant to,
                                        Set<BrandId> brands) {
        List<Condition> conditions = new ArrayList<>(overlapping(tenant, from, to));
        if (brands != null) {
            conditions.add(covers(tenant, brands));
        }
        return Flux.from(sql.select(COLUMNS).from(ROSTER_OVERRIDE).where(conditions)
                        .orderBy(ROSTER_OVERRIDE.STARTS_AT, ROSTER_OVERRIDE.ID))
                .map(OverrideRepository::override);
    }

    private static List<Condition> overlapping(TenantId tenant, Instant from, Instant to) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ROSTER_OVERRIDE.TENANT_ID.eq(tenant.value()));
        conditions.add(ROSTER_OVERRIDE.ENDS_AT.gt(from));
        if (to != null) {
            conditions.add(ROSTER_OVERRIDE.STARTS_AT.lt(to));
        }
        return conditions;
    }

    private static Condition covers(TenantId tenant, Set<BrandId> brands) {
        return DSL.exists(DSL.selectOne().from(ROSTER_OVERRIDE_BRAND)
                .where(ROSTER_OVERRIDE_BRAND.TENANT_ID.eq(tenant.value())
                        .and(ROSTER_OVERRIDE_BRAND.OVERRIDE_ID.eq(ROSTER_OVERRIDE.ID))
                        .and(ROSTER_OVERRIDE_BRAND.BRAND_ID.in(brands.stream().map(BrandId::value).toList()))));
    }

    private static StoredOverride override(Record row) {
        UUID swapWith = row.get(ROSTER_OVERRIDE.SWAP_WITH);
        ShiftOverride override = new ShiftOverride(new UserId(row.get(ROSTER_OVERRIDE.MEMBER_ID)),
                row.get(ROSTER_OVERRIDE.STARTS_AT), row.get(ROSTER_OVERRIDE.ENDS_AT),
                Arrays.stream(row.get(BRANDS)).map(BrandId::new).collect(Collectors.toSet()),
                Optional.ofNullable(swapWith).map(UserId::new), row.get(ROSTER_OVERRIDE.CREATED_AT));
        return new StoredOverride(new OverrideId(row.get(ROSTER_OVERRIDE.ID)), override,
                row.get(ROSTER_OVERRIDE.SWAP_ID), row.get(ROSTER_OVERRIDE.NOTE),
                new UserId(row.get(ROSTER_OVERRIDE.CREATED_BY)));
    }
}
