package com.agencyhub.tenancy.internal;

import com.agencyhub.jooq.tables.records.TenantRecord;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.web.Cursor;
import com.agencyhub.tenancy.Agency;
import com.agencyhub.tenancy.AgencyQuery;
import com.agencyhub.tenancy.AgencyStatus;
import com.agencyhub.tenancy.NewAgency;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.agencyhub.jooq.Tables.TENANT;

@Repository
public class AgencyRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "agencies";

    public Mono<Agency> insert(DSLContext sql, TenantId id, NewAgency agency) {
        return Mono.from(sql.insertInto(TENANT)
                        .set(TENANT.ID, id.value())
                        .set(TENANT.NAME, agency.name())
                        .set(TENANT.SLUG, agency.slug())
                        .set(TENANT.DEFAULT_ZONE, agency.defaultZone().getId())
                        .set(TENANT.LOCALE, agency.locale())
                        .set(TENANT.STATUS, AgencyStatus.ACTIVE.value())
                        .returning())
                .map(AgencyRepository::agency);
    }

    public Mono<Agency> findById(DSLContext sql, TenantId id) {
        return Mono.from(sql.selectFrom(TENANT).where(TENANT.ID.eq(id.value()))).map(AgencyRepository::agency);
    }

    public Flux<Agency> findByIds(DSLContext sql, Collection<TenantId> ids) {
        return Flux.from(sql.selectFrom(TENANT).where(TENANT.ID.in(ids.stream().map(TenantId::value).toList())))
                .map(AgencyRepository::agency);
    }

    public Mono<Agency> findBySlug(DSLContext sql, String slug) {
        return Mono.from(sql.selectFrom(TENANT).where(TENANT.SLUG.eq(slug))).map(AgencyRepository::agency);
    }

    /** Stores the agency's editable fields if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<Agency> update(DSLContext sql, Agency changed, int expectedVersion) {
        return Mono.from(sql.update(TENANT)
                        .set(TENANT.NAME, changed.name())
                        .set(TENANT.DEFAULT_ZONE, changed.defaultZone().getId())
                        .set(TENANT.LOCALE, changed.locale())
                        .set(TENANT.UPDATED_AT, DSL.currentInstant())
                        .set(TENANT.VERSION, TENANT.VERSION.plus(1))
                        .where(TENANT.ID.eq(changed.id().value()).and(TENANT.VERSION.eq(expectedVersion)))
                        .returning())
                .map(AgencyRepository::agency);
    }

    /** All agencies (platform scope), ordered by slug, which is unique. */
    public Mono<Page<Agency>> list(DSLContext sql, AgencyQuery query, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add(TENANT.STATUS.eq(query.status().value()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String pattern = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(TENANT.NAME.likeIgnoreCase(pattern, '\\').or(TENANT.SLUG.likeIgnoreCase(pattern, '\\')));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 1);
        if (after != null) {
            conditions.add(TENANT.SLUG.gt(after.get(0)));
        }
        return Flux.from(sql.selectFrom(TENANT).where(conditions).orderBy(TENANT.SLUG).limit(limit + 1))
                .map(AgencyRepository::agency)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, last.slug())));
    }

    private static Agency agency(TenantRecord row) {
        return new Agency(new TenantId(row.getId()), row.getName(), row.getSlug(), ZoneId.of(row.getDefaultZone()),
                row.getLocale(), AgencyStatus.of(row.getStatus()), row.getCreatedAt(), row.getUpdatedAt(),
                row.getVersion());
    }
}
