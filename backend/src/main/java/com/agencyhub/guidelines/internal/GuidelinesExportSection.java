package com.agencyhub.guidelines.internal;

import com.agencyhub.brands.BrandExportSection;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static com.agencyhub.jooq.Tables.GUIDELINE_ASSIGNMENT;
import static com.agencyhub.jooq.Tables.GUIDELINE_VERSION;

/** Every guidelines version of the brand in its export, with whom it was assigned to and who acknowledged it. */
@Component
class GuidelinesExportSection implements BrandExportSection {

    private final Transactions transactions;

    GuidelinesExportSection(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "guidelineVersions";
    }

    @Override
    public Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand) {
        return transactions.inTenantMany(tenant, sql -> Flux.from(sql.selectFrom(GUIDELINE_VERSION)
                        .where(GUIDELINE_VERSION.TENANT_ID.eq(tenant.value()).and(GUIDELINE_VERSION.BRAND_ID.eq(brand.value())))
                        .orderBy(GUIDELINE_VERSION.NUMBER))
                // read the (few) versions first: one connection runs one query at a time
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(version -> Flux.from(sql.selectFrom(GUIDELINE_ASSIGNMENT)
                                .where(GUIDELINE_ASSIGNMENT.TENANT_ID.eq(tenant.value())
                                        .and(GUIDELINE_ASSIGNMENT.VERSION_ID.eq(version.getId())))
                                .orderBy(GUIDELINE_ASSIGNMENT.DISPLAY_NAME))
                        .map(assignment -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("memberId", assignment.getUserId().toString());
                            row.put("displayName", assignment.getDisplayName());
                            row.put("responsibility", assignment.getResponsibility());
                            row.put("acknowledgedAt", Objects.toString(assignment.getAcknowledgedAt(), null));
                            return row;
                        })
                        .collectList()
                        .map(assignments -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("number", version.getNumber());
                            row.put("status", version.getStatus());
                            row.put("createdAt", version.getCreatedAt().toString());
                            row.put("publishedAt", Objects.toString(version.getPublishedAt(), null));
                            row.put("content", ContentJson.asMap(version.getContent()));
                            row.put("assignments", assignments);
                            return row;
                        })));
    }
}
