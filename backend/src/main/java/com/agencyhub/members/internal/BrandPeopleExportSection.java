package com.agencyhub.members.internal;

import com.agencyhub.brands.BrandExportSection;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.agencyhub.jooq.Tables.BRAND_ASSIGNMENT;
import static com.agencyhub.jooq.Tables.CLIENT_BRAND_SCOPE;
import static com.agencyhub.jooq.Tables.MEMBER;

/**
 * The people of a brand in its export: its team (also deactivated members, for the record) and the client users
 * who may see it.
 */
@Component
class BrandPeopleExportSection implements BrandExportSection {

    private final Transactions transactions;

    BrandPeopleExportSection(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    public Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand) {
        return transactions.inTenantMany(tenant, sql -> Flux.concat(
                Flux.from(sql.select(MEMBER.USER_ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.STATUS,
                                BRAND_ASSIGNMENT.RESPONSIBILITY)
                        .from(BRAND_ASSIGNMENT).join(MEMBER).on(MEMBER.TENANT_ID.eq(BRAND_ASSIGNMENT.TENANT_ID)
                                .and(MEMBER.USER_ID.eq(BRAND_ASSIGNMENT.USER_ID)))
                        .where(BRAND_ASSIGNMENT.TENANT_ID.eq(tenant.value()).and(BRAND_ASSIGNMENT.BRAND_ID.eq(brand.value())))
                        .orderBy(MEMBER.DISPLAY_NAME, MEMBER.USER_ID)),
                Flux.from(sql.select(MEMBER.USER_ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.STATUS,
                                MEMBER.KIND)
                        .from(CLIENT_BRAND_SCOPE).join(MEMBER).on(MEMBER.TENANT_ID.eq(CLIENT_BRAND_SCOPE.TENANT_ID)
                                .and(MEMBER.USER_ID.eq(CLIENT_BRAND_SCOPE.USER_ID)))
                        .where(CLIENT_BRAND_SCOPE.TENANT_ID.eq(tenant.value()).and(CLIENT_BRAND_SCOPE.BRAND_ID.eq(brand.value())))
                        .orderBy(MEMBER.DISPLAY_NAME, MEMBER.USER_ID))))
                .map(person -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("memberId", person.value1().toString());
                    row.put("displayName", person.value2());
                    row.put("email", person.value3());
                    row.put("status", person.value4());
                    // responsible or deputy for the team, client-user for those who may see the brand
                    row.put("part", person.value5().equals("client") ? "client-user" : person.value5());
                    return row;
                });
    }
}
