package com.agencyhub.guidelines.internal;

import com.agencyhub.guidelines.Acknowledgment;
import com.agencyhub.guidelines.ApprovalMode;
import com.agencyhub.guidelines.GuidelineContent;
import com.agencyhub.guidelines.GuidelineStatus;
import com.agencyhub.guidelines.GuidelineVersion;
import com.agencyhub.guidelines.GuidelineVersionSummary;
import com.agencyhub.jooq.tables.records.GuidelineVersionRecord;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.Responsibility;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.GUIDELINE_ASSIGNMENT;
import static com.agencyhub.jooq.Tables.GUIDELINE_VERSION;

/** Guidelines versions and their assignments; a version is read with its acknowledgments. */
@Repository
public class GuidelineRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "guideline-versions";

    public Mono<GuidelineVersion> findDraft(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.DRAFT.value()))))
                .map(GuidelineRepository::version);
    }

    public Mono<GuidelineVersion> findLatestPublished(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.PUBLISHED.value())))
                        .orderBy(GUIDELINE_VERSION.NUMBER.desc())
                        .limit(1))
                .flatMap(row -> withAcknowledgments(sql, tenant, version(row)));
    }

    /**
     * The published version in force at {@code at}: the newest published at or before it, or, before the first
     * publication, the first published version; without its acknowledgments.
     */
    public Mono<GuidelineVersion> publishedAt(DSLContext sql, TenantId tenant, BrandId brand, Instant at) {
        Condition inForce = GUIDELINE_VERSION.PUBLISHED_AT.le(at);
        return Mono.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.PUBLISHED.value())))
                        .orderBy(DSL.field(inForce).desc(),
                                DSL.when(inForce, GUIDELINE_VERSION.NUMBER.neg()).otherwise(GUIDELINE_VERSION.NUMBER))
                        .limit(1))
                .map(GuidelineRepository::version);
    }

    /** Every published version of the brand, oldest first, without acknowledgments. */
    public Flux<GuidelineVersion> publishedVersions(DSLContext sql, TenantId tenant, BrandId brand) {
        return Flux.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.PUBLISHED.value())))
                        .orderBy(GUIDELINE_VERSION.NUMBER))
                .map(GuidelineRepository::version);
    }

    /** The approval mode of the newest published version; empty while none is published. */
    public Mono<ApprovalMode> publishedApprovalMode(DSLContext sql, TenantId tenant, BrandId brand) {
        return Mono.from(sql.select(GUIDELINE_VERSION.CONTENT)
                        .from(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.PUBLISHED.value())))
                        .orderBy(GUIDELINE_VERSION.NUMBER.desc())
                        .limit(1))
                .map(row -> ContentJson.read(row.value1()).approvalMode());
    }

    public Mono<GuidelineVersion> findByNumber(DSLContext sql, TenantId tenant, BrandId brand, int number) {
        return Mono.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(ofBrand(tenant, brand).and(GUIDELINE_VERSION.NUMBER.eq(number))))
                .flatMap(row -> withAcknowledgments(sql, tenant, version(row)));
    }

    /** A new draft numbered after the brand's last version. */
    public Mono<GuidelineVersion> insertDraft(DSLContext sql, TenantId tenant, BrandId brand, GuidelineContent content) {
        return Mono.from(sql.select(DSL.coalesce(DSL.max(GUIDELINE_VERSION.NUMBER), 0))
                        .from(GUIDELINE_VERSION).where(ofBrand(tenant, brand)))
                .flatMap(last -> Mono.from(sql.insertInto(GUIDELINE_VERSION)
                        .set(GUIDELINE_VERSION.TENANT_ID, tenant.value())
                        .set(GUIDELINE_VERSION.BRAND_ID, brand.value())
                        .set(GUIDELINE_VERSION.ID, UUID.randomUUID())
                        .set(GUIDELINE_VERSION.NUMBER, last.value1() + 1)
                        .set(GUIDELINE_VERSION.STATUS, GuidelineStatus.DRAFT.value())
                        .set(GUIDELINE_VERSION.CONTENT, ContentJson.write(content))
                        .returning()))
                .map(GuidelineRepository::version);
    }

    /** Stores the draft's content if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<GuidelineVersion> replaceDraft(DSLContext sql, TenantId tenant, GuidelineVersion draft,
                                               GuidelineContent content, int expectedVersion) {
        return Mono.from(sql.update(GUIDELINE_VERSION)
                        .set(GUIDELINE_VERSION.CONTENT, ContentJson.write(content))
                        .set(GUIDELINE_VERSION.UPDATED_AT, DSL.currentInstant())
                        .set(GUIDELINE_VERSION.VERSION, GUIDELINE_VERSION.VERSION.plus(1))
                        .where(draft(tenant, draft, expectedVersion))
                        .returning())
                .map(GuidelineRepository::version);
    }

    /** Publishes the draft if it still has {@code expectedVersion} and assigns it to the team; empty otherwise. */
    public Mono<GuidelineVersion> publish(DSLContext sql, TenantId tenant, GuidelineVersion draft, int expectedVersion,
                                          List<BrandAssignment> team) {
        return Mono.from(sql.update(GUIDELINE_VERSION)
                        .set(GUIDELINE_VERSION.STATUS, GuidelineStatus.PUBLISHED.value())
                        .set(GUIDELINE_VERSION.PUBLISHED_AT, DSL.currentInstant())
                        .set(GUIDELINE_VERSION.UPDATED_AT, DSL.currentInstant())
                        .set(GUIDELINE_VERSION.VERSION, GUIDELINE_VERSION.VERSION.plus(1))
                        .where(draft(tenant, draft, expectedVersion))
                        .returning())
                .flatMap(row -> assign(sql, tenant, row.getId(), team).then(withAcknowledgments(sql, tenant, version(row))));
    }

    /** Records the member's acknowledgment unless it is there already. */
    public Mono<Void> acknowledge(DSLContext sql, TenantId tenant, UUID versionId, UserId member) {
        return Mono.from(sql.update(GUIDELINE_ASSIGNMENT)
                .set(GUIDELINE_ASSIGNMENT.ACKNOWLEDGED_AT, DSL.currentInstant())
                .where(GUIDELINE_ASSIGNMENT.TENANT_ID.eq(tenant.value())
                        .and(GUIDELINE_ASSIGNMENT.VERSION_ID.eq(versionId))
                        .and(GUIDELINE_ASSIGNMENT.USER_ID.eq(member.value()))
                        .and(GUIDELINE_ASSIGNMENT.ACKNOWLEDGED_AT.isNull()))).then();
    }

    /** One page, newest first; a keyset on the version number. */
    public Mono<Page<GuidelineVersionSummary>> list(DSLContext sql, TenantId tenant, BrandId brand,
                                                    boolean publishedOnly, int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>(List.of(ofBrand(tenant, brand)));
        if (publishedOnly) {
            conditions.add(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.PUBLISHED.value()));
        }
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 1);
        if (after != null) {
            conditions.add(GUIDELINE_VERSION.NUMBER.lt(number(after.get(0))));
        }
        var assigned = DSL.count(GUIDELINE_ASSIGNMENT.USER_ID);
        var acknowledged = DSL.count(GUIDELINE_ASSIGNMENT.ACKNOWLEDGED_AT);
        return Flux.from(sql.select(GUIDELINE_VERSION.ID, GUIDELINE_VERSION.NUMBER, GUIDELINE_VERSION.STATUS,
                                GUIDELINE_VERSION.CREATED_AT, GUIDELINE_VERSION.PUBLISHED_AT, assigned, acknowledged)
                        .from(GUIDELINE_VERSION)
                        .leftJoin(GUIDELINE_ASSIGNMENT).on(GUIDELINE_ASSIGNMENT.TENANT_ID.eq(GUIDELINE_VERSION.TENANT_ID)
                                .and(GUIDELINE_ASSIGNMENT.VERSION_ID.eq(GUIDELINE_VERSION.ID)))
                        .where(conditions)
                        .groupBy(GUIDELINE_VERSION.TENANT_ID, GUIDELINE_VERSION.ID)
                        .orderBy(GUIDELINE_VERSION.NUMBER.desc())
                        .limit(limit + 1))
                .map(row -> new GuidelineVersionSummary(row.value1(), row.value2(), GuidelineStatus.of(row.value3()),
                        row.value4(), row.value5(), row.value6(), row.value7()))
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, Integer.toString(last.number()))));
    }

    private static Mono<Void> assign(DSLContext sql, TenantId tenant, UUID versionId, List<BrandAssignment> team) {
        if (team.isEmpty()) {
            return Mono.empty();
        }
        var insert = sql.insertInto(GUIDELINE_ASSIGNMENT, GUIDELINE_ASSIGNMENT.TENANT_ID, GUIDELINE_ASSIGNMENT.VERSION_ID,
                GUIDELINE_ASSIGNMENT.USER_ID, GUIDELINE_ASSIGNMENT.DISPLAY_NAME, GUIDELINE_ASSIGNMENT.RESPONSIBILITY);
        for (BrandAssignment member : team) {
            insert = insert.values(tenant.value(), versionId, member.member().value(), member.displayName(),
                    member.responsibility().value());
        }
        return Mono.from(insert).then();
    }

    private static Mono<GuidelineVersion> withAcknowledgments(DSLContext sql, TenantId tenant, GuidelineVersion version) {
        return Flux.from(sql.selectFrom(GUIDELINE_ASSIGNMENT)
                        .where(GUIDELINE_ASSIGNMENT.TENANT_ID.eq(tenant.value())
                                .and(GUIDELINE_ASSIGNMENT.VERSION_ID.eq(version.id())))
                        .orderBy(GUIDELINE_ASSIGNMENT.RESPONSIBILITY.desc(), GUIDELINE_ASSIGNMENT.DISPLAY_NAME,
                                GUIDELINE_ASSIGNMENT.USER_ID))
                .map(row -> new Acknowledgment(new UserId(row.getUserId()), row.getDisplayName(),
                        Responsibility.of(row.getResponsibility()), row.getAcknowledgedAt()))
                .collectList()
                .map(version::withAcknowledgments);
    }

    private static int number(String cursorPart) {
        try {
            return Integer.parseInt(cursorPart);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }

    private static Condition ofBrand(TenantId tenant, BrandId brand) {
        return GUIDELINE_VERSION.TENANT_ID.eq(tenant.value()).and(GUIDELINE_VERSION.BRAND_ID.eq(brand.value()));
    }

    private static Condition draft(TenantId tenant, GuidelineVersion draft, int expectedVersion) {
        return GUIDELINE_VERSION.TENANT_ID.eq(tenant.value()).and(GUIDELINE_VERSION.ID.eq(draft.id()))
                .and(GUIDELINE_VERSION.STATUS.eq(GuidelineStatus.DRAFT.value()))
                .and(GUIDELINE_VERSION.VERSION.eq(expectedVersion));
    }

    private static GuidelineVersion version(GuidelineVersionRecord row) {
        return new GuidelineVersion(row.getId(), new BrandId(row.getBrandId()), row.getNumber(),
                GuidelineStatus.of(row.getStatus()), ContentJson.read(row.getContent()), List.of(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getPublishedAt(), row.getVersion());
    }
}
