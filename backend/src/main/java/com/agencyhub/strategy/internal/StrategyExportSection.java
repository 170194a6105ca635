package com.agencyhub.strategy.internal;

import com.agencyhub.brands.BrandExportSection;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static com.agencyhub.jooq.Tables.STRATEGY_VERSION;

/** Every strategy version of the brand in its export, drafts included, oldest first. */
@Component
class StrategyExportSection implements BrandExportSection {

    private final Transactions transactions;

    StrategyExportSection(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "strategyVersions";
    }

    @Override
    public Flux<Map<String, Object>> rows(TenantId tenant, BrandId brand) {
        return transactions.inTenantMany(tenant, sql -> Flux.from(sql.selectFrom(STRATEGY_VERSION)
                        .where(STRATEGY_VERSION.TENANT_ID.eq(tenant.value()).and(STRATEGY_VERSION.BRAND_ID.eq(brand.value())))
                        .orderBy(STRATEGY_VERSION.NUMBER)))
                .map(version -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("number", version.getNumber());
                    row.put("status", version.getStatus());
                    row.put("createdAt", version.getCreatedAt().toString());
                    row.put("approvedAt", Objects.toString(version.getApprovedAt(), null));
                    row.put("approvedBy", Objects.toString(version.getApprovedBy(), null));
                    row.put("content", ContentJson.asMap(version.getContent()));
                    return row;
                });
    }
}
