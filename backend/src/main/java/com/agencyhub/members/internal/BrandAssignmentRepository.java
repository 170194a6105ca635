package com.agencyhub.members.internal;

import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.MemberStatus;
import com.agencyhub.members.Responsibility;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.agencyhub.jooq.Tables.BRAND_ASSIGNMENT;
import static com.agencyhub.jooq.Tables.MEMBER;

/** Brand teams; deactivated members drop out of the team as read, their rows stay for history. */
@Repository
public class BrandAssignmentRepository {

    public Mono<List<BrandAssignment>> list(DSLContext sql, TenantId tenant, BrandId brand) {
        return listMany(sql, tenant, List.of(brand)).map(teams -> teams.getOrDefault(brand, List.of()));
    }

    /**
     * The teams of the brands (members who still have access), responsible first, then by name; a brand without a
     * team is missing.
     */
    public Mono<Map<BrandId, List<BrandAssignment>>> listMany(DSLContext sql, TenantId tenant,
                                                              Collection<BrandId> brands) {
        return Flux.from(sql.select(BRAND_ASSIGNMENT.BRAND_ID, BRAND_ASSIGNMENT.USER_ID, MEMBER.DISPLAY_NAME,
                                BRAND_ASSIGNMENT.RESPONSIBILITY)
                        .from(BRAND_ASSIGNMENT)
                        .join(MEMBER).on(MEMBER.TENANT_ID.eq(BRAND_ASSIGNMENT.TENANT_ID)
                                .and(MEMBER.USER_ID.eq(BRAND_ASSIGNMENT.USER_ID)))
                        .where(BRAND_ASSIGNMENT.TENANT_ID.eq(tenant.value())
                                .and(BRAND_ASSIGNMENT.BRAND_ID.in(brands.stream().map(BrandId::value).toList()))
                                .and(MEMBER.STATUS.ne(MemberStatus.DEACTIVATED.value())))
                        .orderBy(BRAND_ASSIGNMENT.BRAND_ID, BRAND_ASSIGNMENT.RESPONSIBILITY.desc(), MEMBER.DISPLAY_NAME,
                                MEMBER.USER_ID))
                .collectList()
                .map(rows -> {
                    Map<BrandId, List<BrandAssignment>> teams = new LinkedHashMap<>();
                    for (var row : rows) {
                        teams.computeIfAbsent(new BrandId(row.value1()), brand -> new ArrayList<>())
                                .add(new BrandAssignment(new UserId(row.value2()), row.value3(),
                                        Responsibility.of(row.value4())));
                    }
                    return teams;
                });
    }

    public Mono<Void> replace(DSLContext sql, TenantId tenant, BrandId brand, List<BrandAssignment> team) {
        var delete = sql.deleteFrom(BRAND_ASSIGNMENT)
                .where(BRAND_ASSIGNMENT.TENANT_ID.eq(tenant.value()).and(BRAND_ASSIGNMENT.BRAND_ID.eq(brand.value())));
        if (team.isEmpty()) {
            return Mono.from(delete).then();
        }
        var insert = sql.insertInto(BRAND_ASSIGNMENT, BRAND_ASSIGNMENT.TENANT_ID, BRAND_ASSIGNMENT.BRAND_ID,
                BRAND_ASSIGNMENT.USER_ID, BRAND_ASSIGNMENT.RESPONSIBILITY);
        for (BrandAssignment assignment : team) {
            insert = insert.values(tenant.value(), brand.value(), assignment.member().value(),
                    assignment.responsibility().value());
        }
        return Mono.from(delete).then(Mono.from(insert)).then();
    }
}
