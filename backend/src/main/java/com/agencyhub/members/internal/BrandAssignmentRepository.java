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

import java.util.List;

import static com.agencyhub.jooq.Tables.BRAND_ASSIGNMENT;
import static com.agencyhub.jooq.Tables.MEMBER;

/** Brand teams; deactivated members drop out of the team as read, their rows stay for history. */
@Repository
public class BrandAssignmentRepository {

    public Mono<List<BrandAssignment>> list(DSLContext sql, TenantId tenant, BrandId brand) {
        return Flux.from(sql.select(BRAND_ASSIGNMENT.USER_ID, MEMBER.DISPLAY_NAME, BRAND_ASSIGNMENT.RESPONSIBILITY)
                        .from(BRAND_ASSIGNMENT)
                        .join(MEMBER).on(MEMBER.TENANT_ID.eq(BRAND_ASSIGNMENT.TENANT_ID)
                                .and(MEMBER.USER_ID.eq(BRAND_ASSIGNMENT.USER_ID)))
                        .where(BRAND_ASSIGNMENT.TENANT_ID.eq(tenant.value())
                                .and(BRAND_ASSIGNMENT.BRAND_ID.eq(brand.value()))
                                .and(MEMBER.STATUS.ne(MemberStatus.DEACTIVATED.value())))
                        .orderBy(BRAND_ASSIGNMENT.RESPONSIBILITY.desc(), MEMBER.DISPLAY_NAME, MEMBER.USER_ID))
                .map(row -> new BrandAssignment(new UserId(row.value1()), row.value2(),
                        Responsibility.of(row.value3())))
                .collectList();
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
