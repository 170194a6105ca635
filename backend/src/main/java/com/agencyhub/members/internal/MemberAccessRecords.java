package com.agencyhub.members.internal;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.MemberAccess;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.Set;

import static com.agencyhub.jooq.Tables.CLIENT_BRAND_SCOPE;
import static com.agencyhub.jooq.Tables.MEMBER;

/** Member status and client brand scope for each request, in one indexed query. */
@Component
class MemberAccessRecords implements MemberAccess {

    private final Transactions transactions;

    MemberAccessRecords(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<Grant> lookup(TenantId tenant, UserId user) {
        return transactions.inTenant(tenant, sql -> Mono.from(sql
                        .select(MEMBER.STATUS, DSL.arrayAgg(CLIENT_BRAND_SCOPE.BRAND_ID))
                        .from(MEMBER)
                        .leftJoin(CLIENT_BRAND_SCOPE)
                        .on(CLIENT_BRAND_SCOPE.TENANT_ID.eq(MEMBER.TENANT_ID)
                                .and(CLIENT_BRAND_SCOPE.USER_ID.eq(MEMBER.USER_ID)))
                        .where(MEMBER.TENANT_ID.eq(tenant.value()).and(MEMBER.USER_ID.eq(user.value())))
                        .groupBy(MEMBER.STATUS))
                .map(row -> {
                    Set<BrandId> scope = new HashSet<>();
                    for (var brand : row.value2()) {
                        if (brand != null) {
                            scope.add(new BrandId(brand));
                        }
                    }
                    return new Grant(!"deactivated".equals(row.value1()), scope);
                }));
    }
}
