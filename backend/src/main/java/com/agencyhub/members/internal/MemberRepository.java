package com.agencyhub.members.internal;

import com.agencyhub.members.ClientBrandScope;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.MemberKind;
import com.agencyhub.members.MemberStatus;
import com.agencyhub.members.Members;
import com.agencyhub.members.StaffProfile;
import com.agencyhub.members.WorkingTimeRules;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.WeeklyWindowsJson;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.Cursor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.CLIENT_BRAND_SCOPE;
import static com.agencyhub.jooq.Tables.MEMBER;

/** The member table and the client brand scope, always filtered by tenant (RLS is the second wall). */
@Repository
public class MemberRepository {

    /** The name this list's cursors carry: a cursor of another list is refused. */
    private static final String CURSOR_LIST = "members";

    private static final Field<UUID[]> BRAND_SCOPE = scopedBrands(DSL.trueCondition()).as("brand_scope");
    private static final Field<UUID[]> APPROVAL_SCOPE = scopedBrands(CLIENT_BRAND_SCOPE.MAY_APPROVE.isTrue())
            .as("approval_scope");

    public Mono<Member> insert(DSLContext sql, TenantId tenant, UserId user, MemberKind kind, String email,
                               String displayName, Set<Role> roles, StaffProfile profile) {
        var insert = sql.insertInto(MEMBER)
                .set(MEMBER.TENANT_ID, tenant.value())
                .set(MEMBER.USER_ID, user.value())
                .set(MEMBER.KIND, kind.value())
                .set(MEMBER.EMAIL, email)
                .set(MEMBER.DISPLAY_NAME, displayName)
                .set(MEMBER.ROLES, roleNames(roles))
                .set(MEMBER.STATUS, MemberStatus.INVITED.value())
                .set(MEMBER.INVITED_AT, DSL.currentInstant());
        if (profile != null) {
            insert = insert.set(profileColumns(profile));
        }
        return Mono.from(insert).then(find(sql, tenant, user));
    }

    public Mono<Void> replaceBrandScope(DSLContext sql, TenantId tenant, UserId user, ClientBrandScope scope) {
        var delete = sql.deleteFrom(CLIENT_BRAND_SCOPE)
                .where(CLIENT_BRAND_SCOPE.TENANT_ID.eq(tenant.value()).and(CLIENT_BRAND_SCOPE.USER_ID.eq(user.value())));
        if (scope.brands().isEmpty()) {
            return Mono.from(delete).then();
        }
        var insert = sql.insertInto(CLIENT_BRAND_SCOPE, CLIENT_BRAND_SCOPE.TENANT_ID, CLIENT_BRAND_SCOPE.USER_ID,
                CLIENT_BRAND_SCOPE.BRAND_ID, CLIENT_BRAND_SCOPE.MAY_APPROVE);
        for (BrandId brand : scope.brands()) {
            insert = insert.values(tenant.value(), user.value(), brand.value(), scope.mayApprove(brand));
        }
        return Mono.from(delete).then(Mono.from(insert)).then();
    }

    public Mono<Member> find(DSLContext sql, TenantId tenant, UserId user) {
        return Mono.from(sql.select(MEMBER.asterisk(), BRAND_SCOPE, APPROVAL_SCOPE).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value()).and(MEMBER.USER_ID.eq(user.value()))))
                .map(MemberRepository::member);
    }

    /** The agency's members among {@code ids}; one statement. */
    public Flux<Member> findMany(DSLContext sql, TenantId tenant, Collection<UserId> ids) {
        return Flux.from(sql.select(MEMBER.asterisk(), BRAND_SCOPE, APPROVAL_SCOPE).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value())
                                .and(MEMBER.USER_ID.eq(DSL.any(ids.stream().map(UserId::value).toArray(UUID[]::new))))))
                .map(MemberRepository::member);
    }

    public Mono<Member> findByEmail(DSLContext sql, TenantId tenant, String email) {
        return Mono.from(sql.select(MEMBER.asterisk(), BRAND_SCOPE, APPROVAL_SCOPE).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value()).and(MEMBER.EMAIL.eq(email))))
                .map(MemberRepository::member);
    }

    /** Name and e-mail address of the agency's members among {@code ids}, whatever their status. */
    public Flux<MemberContact> contacts(DSLContext sql, TenantId tenant, Collection<UserId> ids) {
        return Flux.from(sql.select(MEMBER.USER_ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value())
                                .and(MEMBER.USER_ID.eq(DSL.any(ids.stream().map(UserId::value).toArray(UUID[]::new))))))
                .map(row -> new MemberContact(new UserId(row.value1()), row.value2(), row.value3()));
    }

    /** Name and e-mail address of the agency's staff who hold the role and are not deactivated, by name. */
    public Flux<MemberContact> currentStaffWithRole(DSLContext sql, TenantId tenant, String role) {
        return Flux.from(sql.select(MEMBER.USER_ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value()))
                        .and(MEMBER.KIND.eq("staff"))
                        .and(MEMBER.STATUS.ne("deactivated"))
                        .and(DSL.val(role).eq(DSL.any(MEMBER.ROLES)))
                        .orderBy(MEMBER.DISPLAY_NAME, MEMBER.USER_ID))
                .map(row -> new MemberContact(new UserId(row.value1()), row.value2(), row.value3()));
    }

    /**
     * The person's memberships that are not deactivated, across agencies: only the platform role sees other
     * agencies' rows (see {@code Transactions#asPlatform}).
     */
    public Flux<Members.Membership> memberships(DSLContext sql, UserId user) {
        return Flux.from(sql.select(MEMBER.TENANT_ID, MEMBER.KIND, MEMBER.ROLES).from(MEMBER)
                        .where(MEMBER.USER_ID.eq(user.value())
                                .and(MEMBER.STATUS.ne(MemberStatus.DEACTIVATED.value())))
                        .orderBy(MEMBER.TENANT_ID))
                .map(row -> new Members.Membership(new TenantId(row.value1()), MemberKind.of(row.value2()),
                        roles(row.value3())));
    }

    /** Locks the member row for the rest of the transaction (read-modify-write, last-admin rule). */
    public Mono<Member> lock(DSLContext sql, TenantId tenant, UserId user) {
        return Mono.from(sql.select(MEMBER.asterisk(), BRAND_SCOPE, APPROVAL_SCOPE).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value()).and(MEMBER.USER_ID.eq(user.value())))
                        .forUpdate().of(MEMBER))
                .map(MemberRepository::member);
    }

    /**
     * The agency's admins who still have access, other than {@code except}, with their rows locked so that
     * two concurrent demotions cannot both pass the last-admin check.
     */
    public Mono<Integer> lockOtherActiveAdmins(DSLContext sql, TenantId tenant, UserId except) {
        return Flux.from(sql.select(MEMBER.USER_ID).from(MEMBER)
                        .where(MEMBER.TENANT_ID.eq(tenant.value())
                                .and(MEMBER.USER_ID.ne(except.value()))
                                .and(MEMBER.STATUS.ne(MemberStatus.DEACTIVATED.value()))
                                .and(DSL.val(Role.AGENCY_ADMIN.claimValue()).eq(DSL.any(MEMBER.ROLES))))
                        .forUpdate())
                .count()
                .map(Long::intValue);
    }

    /** Stores the member's editable fields if it still has {@code expectedVersion}; empty otherwise. */
    public Mono<Member> update(DSLContext sql, TenantId tenant, Member changed, int expectedVersion) {
        var update = sql.update(MEMBER)
                .set(MEMBER.DISPLAY_NAME, changed.displayName())
                .set(MEMBER.ROLES, roleNames(changed.roles()))
                .set(MEMBER.STATUS, changed.status().value())
                .set(MEMBER.DEACTIVATED_AT, changed.deactivatedAt())
                .set(MEMBER.UPDATED_AT, DSL.currentInstant())
                .set(MEMBER.VERSION, MEMBER.VERSION.plus(1));
        StaffProfile profile = changed.profile();
        if (profile != null) {
            update = update.set(profileColumns(profile));
        }
        return Mono.from(update.where(MEMBER.TENANT_ID.eq(tenant.value())
                                .and(MEMBER.USER_ID.eq(changed.id().value()))
                                .and(MEMBER.VERSION.eq(expectedVersion))))
                .filter(rows -> rows == 1)
                .flatMap(rows -> find(sql, tenant, changed.id()));
    }

    /** Marks an invited member active at their first signed-in request; true when this call did it. */
    public Mono<Boolean> markActive(DSLContext sql, TenantId tenant, UserId user) {
        return Mono.from(sql.update(MEMBER)
                        .set(MEMBER.STATUS, MemberStatus.ACTIVE.value())
                        .set(MEMBER.UPDATED_AT, DSL.currentInstant())
                        .set(MEMBER.VERSION, MEMBER.VERSION.plus(1))
                        .where(MEMBER.TENANT_ID.eq(tenant.value()).and(MEMBER.USER_ID.eq(user.value()))
                                .and(MEMBER.STATUS.eq(MemberStatus.INVITED.value()))))
                .map(rows -> rows == 1);
    }

    /** One page ordered by display name, then user id; without a status filter, deactivated ones are left out. */
    public Mono<Page<Member>> list(DSLContext sql, TenantId tenant, MemberKind kind, MemberStatus status,
                                   int limit, String cursor) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(MEMBER.TENANT_ID.eq(tenant.value()));
        if (kind != null) {
            conditions.add(MEMBER.KIND.eq(kind.value()));
        }
        conditions.add(status != null ? MEMBER.STATUS.eq(status.value())
                : MEMBER.STATUS.ne(MemberStatus.DEACTIVATED.value()));
        List<String> after = Cursor.decode(CURSOR_LIST, cursor, 2);
        if (after != null) {
            UUID afterId = uuidFromCursor(after.get(1));
            conditions.add(DSL.row(MEMBER.DISPLAY_NAME, MEMBER.USER_ID).gt(DSL.row(after.get(0), afterId)));
        }
        return Flux.from(sql.select(MEMBER.asterisk(), BRAND_SCOPE, APPROVAL_SCOPE).from(MEMBER).where(conditions)
                        .orderBy(MEMBER.DISPLAY_NAME, MEMBER.USER_ID).limit(limit + 1))
                .map(MemberRepository::member)
                .collectList()
                .map(rows -> Page.of(rows, limit, last -> Cursor.encode(CURSOR_LIST, last.displayName(), last.id().toString())));
    }

    private static UUID uuidFromCursor(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }

    private static Map<Field<?>, Object> profileColumns(StaffProfile profile) {
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(MEMBER.HOME_ZONE, profile.homeZone().getId());
        columns.put(MEMBER.PLATFORMS, profile.platforms().toArray(String[]::new));
        columns.put(MEMBER.LANGUAGES, profile.languages().toArray(String[]::new));
        columns.put(MEMBER.WEEKLY_CAPACITY_HOURS, profile.weeklyCapacityHours());
        columns.put(MEMBER.MAX_HOURS_PER_WEEK, profile.rules().maxHoursPerWeek());
        columns.put(MEMBER.MAX_CONSECUTIVE_DAYS, profile.rules().maxConsecutiveDays());
        columns.put(MEMBER.MIN_REST_MINUTES, profile.rules().minRestMinutes());
        columns.put(MEMBER.WORKING_HOURS, WeeklyWindowsJson.write(profile.workingHours()));
        return columns;
    }

    private static String[] roleNames(Collection<Role> roles) {
        return roles.stream().map(Role::claimValue).sorted().toArray(String[]::new);
    }

    /** A member record never holds platform-admin; only the identity provider's realm role does. */
    private static Set<Role> roles(String[] names) {
        return Arrays.stream(names).map(Role::fromClaim).flatMap(java.util.Optional::stream)
                .filter(role -> role != Role.PLATFORM_ADMIN).collect(Collectors.toSet());
    }

    /** The member's client brand scope rows that meet {@code condition}, as an array of brand ids. */
    private static Field<UUID[]> scopedBrands(Condition condition) {
        return DSL.array(DSL.select(CLIENT_BRAND_SCOPE.BRAND_ID).from(CLIENT_BRAND_SCOPE)
                .where(CLIENT_BRAND_SCOPE.TENANT_ID.eq(MEMBER.TENANT_ID)
                        .and(CLIENT_BRAND_SCOPE.USER_ID.eq(MEMBER.USER_ID))
                        .and(condition))
                .orderBy(CLIENT_BRAND_SCOPE.BRAND_ID));
    }

    private static Set<BrandId> brands(UUID[] ids) {
        return Arrays.stream(ids).map(BrandId::new).collect(Collectors.toSet());
    }

    private static Member member(Record row) {
        MemberKind kind = MemberKind.of(row.get(MEMBER.KIND));
        StaffProfile profile = kind == MemberKind.STAFF
                ? new StaffProfile(ZoneId.of(row.get(MEMBER.HOME_ZONE)), Set.of(row.get(MEMBER.PLATFORMS)),
                Set.of(row.get(MEMBER.LANGUAGES)), row.get(MEMBER.WEEKLY_CAPACITY_HOURS),
                new WorkingTimeRules(row.get(MEMBER.MAX_HOURS_PER_WEEK), row.get(MEMBER.MAX_CONSECUTIVE_DAYS),
                        row.get(MEMBER.MIN_REST_MINUTES)),
                WeeklyWindowsJson.read(row.get(MEMBER.WORKING_HOURS)))
                : null;
        Set<Role> roles = roles(row.get(MEMBER.ROLES));
        ClientBrandScope scope = new ClientBrandScope(brands(row.get(BRAND_SCOPE)), brands(row.get(APPROVAL_SCOPE)));
        return new Member(new UserId(row.get(MEMBER.USER_ID)), kind, row.get(MEMBER.EMAIL),
                row.get(MEMBER.DISPLAY_NAME), roles, MemberStatus.of(row.get(MEMBER.STATUS)), profile, scope,
                row.get(MEMBER.INVITED_AT), row.get(MEMBER.DEACTIVATED_AT), row.get(MEMBER.CREATED_AT),
                row.get(MEMBER.UPDATED_AT), row.get(MEMBER.VERSION));
    }
}
