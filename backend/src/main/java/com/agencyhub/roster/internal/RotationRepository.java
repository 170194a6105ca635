package com.agencyhub.roster.internal;

import com.agencyhub.roster.Rotation;
import com.agencyhub.roster.RotationId;
import com.agencyhub.roster.StoredRotation;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.WeeklyWindowsJson;
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

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.ROSTER_ROTATION;
import static com.agencyhub.jooq.Tables.ROSTER_ROTATION_BRAND;
import static com.agencyhub.jooq.Tables.ROSTER_ROTATION_MEMBER;

/** Rotations with their members (in turn order) and brands, read in one statement. */
@Repository
public class RotationRepository {

    private static final String CURSOR = "roster-rotations";

    private static final Field<UUID[]> MEMBERS = DSL.field(DSL.select(DSL.arrayAgg(ROSTER_ROTATION_MEMBER.MEMBER_ID)
                    .orderBy(ROSTER_ROTATION_MEMBER.POSITION))
            .from(ROSTER_ROTATION_MEMBER)
            .where(ROSTER_ROTATION_MEMBER.TENANT_ID.eq(ROSTER_ROTATION.TENANT_ID)
                    .and(ROSTER_ROTATION_MEMBER.ROTATION_ID.eq(ROSTER_ROTATION.ID)))).as("member_ids");
    private static final Field<UUID[]> BRANDS = DSL.field(DSL.select(DSL.arrayAgg(ROSTER_ROTATION_BRAND.BRAND_ID))
            .from(ROSTER_ROTATION_BRAND)
            .where(ROSTER_ROTATION_BRAND.TENANT_ID.eq(ROSTER_ROTATION.TENANT_ID)
                    .and(ROSTER_ROTATION_BRAND.ROTATION_ID.eq(ROSTER_ROTATION.ID)))).as("brand_ids");
    private static final List<SelectFieldOrAsterisk> COLUMNS = List.of(ROSTER_ROTATION.asterisk(), MEMBERS, BRANDS);

    public Mono<StoredRotation> insert(DSLContext sql, TenantId tenant, String name, Rotation rotation) {
        UUID id = UUID.fromString(rotation.id());
        return Mono.from(sql.insertInto(ROSTER_ROTATION)
                        .set(ROSTER_ROTATION.TENANT_ID, tenant.value())
                        .set(ROSTER_ROTATION.ID, id)
                        .set(definition(name, rotation)))
                .then(insertParts(sql, tenant, id, rotation))
                .then(find(sql, tenant, new RotationId(id)));
    }

    /** Replaces the rotation if it still has {@code expectedVersion}; empty otherwise (also when it is gone). */
    public Mono<StoredRotation> replace(DSLContext sql, TenantId tenant, RotationId id, int expectedVersion,
                                       String name, Rotation rotation) {
        return Mono.from(sql.update(ROSTER_ROTATION)
                        .set(definition(name, rotation))
                        .set(ROSTER_ROTATION.VERSION, ROSTER_ROTATION.VERSION.plus(1))
                        .set(ROSTER_ROTATION.UPDATED_AT, DSL.currentInstant())
                        .where(ROSTER_ROTATION.TENANT_ID.eq(tenant.value()).and(ROSTER_ROTATION.ID.eq(id.value()))
                                .and(ROSTER_ROTATION.VERSION.eq(expectedVersion))))
                .filter(updated -> updated == 1)
                .flatMap(updated -> Mono.from(sql.deleteFrom(ROSTER_ROTATION_MEMBER)
                                .where(ROSTER_ROTATION_MEMBER.TENANT_ID.eq(tenant.value())
                                        .and(ROSTER_ROTATION_MEMBER.ROTATION_ID.eq(id.value()))))
                        .then(Mono.from(sql.deleteFrom(ROSTER_ROTATION_BRAND)
                                .where(ROSTER_ROTATION_BRAND.TENANT_ID.eq(tenant.value())
                                        .and(ROSTER_ROTATION_BRAND.ROTATION_ID.eq(id.value())))))
                        .then(insertParts(sql, tenant, id.value(), rotation))
                        .then(find(sql, tenant, id)));
    }

    /** Deletes the rotation if it still has {@code expectedVersion}; whether it did. */
    public Mono<Boolean> delete(DSLContext sql, TenantId tenant, RotationId id, int expectedVersion) {
        return Mono.from(sql.deleteFrom(ROSTER_ROTATION)
                        .where(ROSTER_ROTATION.TENANT_ID.eq(tenant.value()).and(ROSTER_ROTATION.ID.eq(id.value()))
                                .and(ROSTER_ROTATION.VERSION.eq(expectedVersion))))
                .map(deleted -> deleted == 1);
    }

    public Mono<StoredRotation> find(DSLContext sql, TenantId tenant, RotationId id) {
        return Mono.from(sql.select(COLUMNS).from(ROSTER_ROTATION)
                        .where(ROSTER_ROTATION.TENANT_ID.eq(tenant.value()).and(ROSTER_ROTATION.ID.eq(id.value()))))
                .map(RotationRepository::rotation);
    }

    /** One page, highest priority first, then by name and id; optionally only those covering {@code brand}. */
    public Mono<Page<StoredRotation>> list(DSLContext sql, TenantId tenant, BrandId brand, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ROSTER_ROTATION.TENANT_ID.eq(tenant.value()));
        if (brand != null) {
            conditions.add(covers(tenant, Set.of(brand)));
        }
        List<String> after = Cursor.decode(CURSOR, cursor, 3);
        if (after != null) {
            conditions.add(DSL.row(ROSTER_ROTATION.PRIORITY.neg(), ROSTER_ROTATION.NAME, ROSTER_ROTATION.ID)
                    .gt(-Cursor.integer(after.get(0)), after.get(1), Cursor.uuid(after.get(2))));
        }
        return Flux.from(sql.select(COLUMNS).from(ROSTER_ROTATION).where(conditions)
                        .orderBy(ROSTER_ROTATION.PRIORITY.desc(), ROSTER_ROTATION.NAME, ROSTER_ROTATION.ID)
                        .limit(DSL.inline(limit + 1)))
                .map(RotationRepository::rotation)
                .collectList()
                .map(rotations -> Page.of(rotations, limit, last -> Cursor.encode(CURSOR,
                        Integer.toString(last.rotation().priority()), last.name(), last.id().toString())));
    }

    /**
     * The rotations covering any of {@code brands} (null: every rotation), oldest first: the resolver keeps this
     * order among equal priorities, so the older rotation wins a tie.
     */
    public Flux<StoredRotation> covering(DSLContext sql, TenantId tenant, Set<BrandId> brands) {
        Condition condition = ROSTER_ROTATION.TENANT_ID.eq(tenant.value());
        if (brands != null) {
            condition = condition.and(covers(tenant, brands));
        }
        return Flux.from(sql.select(COLUMNS).from(ROSTER_ROTATION).where(condition)
                        .orderBy(ROSTER_ROTATION.CREATED_AT, ROSTER_ROTATION.ID))
                .map(RotationRepository::rotation);
    }

    /**
     * The rotations covering any of {@code brands}, and every other rotation in which one of their members or one of
     * {@code alsoOf} takes turns (a member's load counts all their rotations), oldest first as in {@link #covering}.
     */
    public Flux<StoredRotation> coveringWithLoad(DSLContext sql, TenantId tenant, Set<BrandId> brands,
                                                 Collection<UserId> alsoOf) {
        var coveringMembers = DSL.select(ROSTER_ROTATION_MEMBER.MEMBER_ID).from(ROSTER_ROTATION_MEMBER)
                .join(ROSTER_ROTATION_BRAND).on(ROSTER_ROTATION_BRAND.TENANT_ID.eq(ROSTER_ROTATION_MEMBER.TENANT_ID)
                        .and(ROSTER_ROTATION_BRAND.ROTATION_ID.eq(ROSTER_ROTATION_MEMBER.ROTATION_ID)))
                .where(ROSTER_ROTATION_MEMBER.TENANT_ID.eq(tenant.value())
                        .and(ROSTER_ROTATION_BRAND.BRAND_ID.in(brands.stream().map(BrandId::value).toList())));
        var alsoTheirs = DSL.exists(DSL.selectOne().from(ROSTER_ROTATION_MEMBER)
                .where(ROSTER_ROTATION_MEMBER.TENANT_ID.eq(tenant.value())
                        .and(ROSTER_ROTATION_MEMBER.ROTATION_ID.eq(ROSTER_ROTATION.ID))
                        .and(ROSTER_ROTATION_MEMBER.MEMBER_ID.in(coveringMembers)
                                .or(ROSTER_ROTATION_MEMBER.MEMBER_ID.eq(DSL.any(alsoOf.stream().map(UserId::value)
                                        .toArray(UUID[]::new)))))));
        return Flux.from(sql.select(COLUMNS).from(ROSTER_ROTATION)
                        .where(ROSTER_ROTATION.TENANT_ID.eq(tenant.value()).and(covers(tenant, brands).or(alsoTheirs)))
                        .orderBy(ROSTER_ROTATION.CREATED_AT, ROSTER_ROTATION.ID))
                .map(RotationRepository::rotation);
    }

    /** The ids of the rotations in which {@code member} takes turns. */
    public Flux<RotationId> withMember(DSLContext sql, TenantId tenant, UserId member) {
        return Flux.from(sql.select(ROSTER_ROTATION_MEMBER.ROTATION_ID).from(ROSTER_ROTATION_MEMBER)
                        .where(ROSTER_ROTATION_MEMBER.TENANT_ID.eq(tenant.value())
                                .and(ROSTER_ROTATION_MEMBER.MEMBER_ID.eq(member.value()))))
                .map(row -> new RotationId(row.value1()));
    }

    private static Condition covers(TenantId tenant, Set<BrandId> brands) {
        return DSL.exists(DSL.selectOne().from(ROSTER_ROTATION_BRAND)
                .where(ROSTER_ROTATION_BRAND.TENANT_ID.eq(tenant.value())
                        .and(ROSTER_ROTATION_BRAND.ROTATION_ID.eq(ROSTER_ROTATION.ID))
                        .and(ROSTER_ROTATION_BRAND.BRAND_ID.in(brands.stream().map(BrandId::value).toList()))));
    }

    private static Map<Field<?>, Object> definition(String name, Rotation rotation) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(ROSTER_ROTATION.NAME, name);
        columns.put(ROSTER_ROTATION.PRIORITY, rotation.priority());
        columns.put(ROSTER_ROTATION.LENGTH_DAYS, rotation.lengthDays());
        columns.put(ROSTER_ROTATION.HANDOFF_TIME, rotation.handoff());
        columns.put(ROSTER_ROTATION.START_DATE, rotation.startDate());
        columns.put(ROSTER_ROTATION.ZONE, rotation.zone().getId());
        columns.put(ROSTER_ROTATION.RESTRICTION, WeeklyWindowsJson.write(rotation.restriction()));
        return columns;
    }

    private static Mono<Void> insertParts(DSLContext sql, TenantId tenant, UUID id, Rotation rotation) {
        var members = sql.insertInto(ROSTER_ROTATION_MEMBER, ROSTER_ROTATION_MEMBER.TENANT_ID,
                ROSTER_ROTATION_MEMBER.ROTATION_ID, ROSTER_ROTATION_MEMBER.POSITION, ROSTER_ROTATION_MEMBER.MEMBER_ID);
        for (int position = 0; position < rotation.members().size(); position++) {
            members = members.values(tenant.value(), id, position, rotation.members().get(position).value());
        }
        var brands = sql.insertInto(ROSTER_ROTATION_BRAND, ROSTER_ROTATION_BRAND.TENANT_ID,
                ROSTER_ROTATION_BRAND.ROTATION_ID, ROSTER_ROTATION_BRAND.BRAND_ID);
        for (BrandId brand : rotation.brands()) {
            brands = brands.values(tenant.value(), id, brand.value());
        }
        return Mono.from(members).then(Mono.from(brands)).then();
    }

    private static StoredRotation rotation(Record row) {
        UUID id = row.get(ROSTER_ROTATION.ID);
        Rotation rotation = new Rotation(id.toString(), row.get(ROSTER_ROTATION.PRIORITY),
                Arrays.stream(row.get(MEMBERS)).map(UserId::new).toList(), row.get(ROSTER_ROTATION.LENGTH_DAYS),
                row.get(ROSTER_ROTATION.HANDOFF_TIME), row.get(ROSTER_ROTATION.START_DATE),
                ZoneId.of(row.get(ROSTER_ROTATION.ZONE)), WeeklyWindowsJson.read(row.get(ROSTER_ROTATION.RESTRICTION)),
                Arrays.stream(row.get(BRANDS)).map(BrandId::new).collect(Collectors.toSet()));
        return new StoredRotation(new RotationId(id), row.get(ROSTER_ROTATION.NAME), rotation,
                row.get(ROSTER_ROTATION.VERSION), row.get(ROSTER_ROTATION.CREATED_AT),
                row.get(ROSTER_ROTATION.UPDATED_AT));
    }
}
