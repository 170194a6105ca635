package com.agencyhub.contracts.internal;

import com.agencyhub.contracts.CarryOver;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.agencyhub.jooq.Tables.CONTRACT;
import static com.agencyhub.jooq.Tables.CONTRACT_LINE;

/** The terms of the contracts in force (active or ended, never drafts), read with their lines in one statement. */
@Repository
public class ContractTermsRepository {

    private static final Field<BigDecimal> HOURS = DSL.sum(CONTRACT_LINE.PLANNED_HOURS).as("hours");

    /** The contracts in force in any month from {@code from} to {@code to} for the brand (null: every brand). */
    public Flux<ContractTerms> inForce(DSLContext sql, TenantId tenant, BrandId brand, YearMonth from, YearMonth to) {
        List<Condition> conditions = new ArrayList<>(List.of(CONTRACT.TENANT_ID.eq(tenant.value()),
                CONTRACT.STATUS.ne("draft"),
                CONTRACT.STARTS_ON.le(to.atEndOfMonth()),
                CONTRACT.ENDS_ON.isNull().or(CONTRACT.ENDS_ON.ge(from.atDay(1)))));
        if (brand != null) {
            conditions.add(CONTRACT.BRAND_ID.eq(brand.value()));
        }
        return Flux.from(sql.select(CONTRACT.ID, CONTRACT.BRAND_ID, CONTRACT.STARTS_ON, CONTRACT.ENDS_ON,
                                CONTRACT.CURRENCY, CONTRACT.MONTHLY_PRICE, CONTRACT.OVERAGE_RATE, CONTRACT.CARRY_OVER,
                                CONTRACT.CARRY_OVER_CAP_HOURS, CONTRACT.ALERT_THRESHOLDS, CONTRACT_LINE.ACTIVITY_ID,
                                HOURS)
                        .from(CONTRACT)
                        .leftJoin(CONTRACT_LINE).on(CONTRACT_LINE.TENANT_ID.eq(CONTRACT.TENANT_ID)
                                .and(CONTRACT_LINE.CONTRACT_ID.eq(CONTRACT.ID)))
                        .where(conditions)
                        .groupBy(CONTRACT.TENANT_ID, CONTRACT.ID, CONTRACT_LINE.ACTIVITY_ID)
                        .orderBy(CONTRACT.BRAND_ID, CONTRACT.STARTS_ON, CONTRACT.ID))
                .bufferUntilChanged(row -> row.get(CONTRACT.ID))
                .map(ContractTermsRepository::terms);
    }

    private static ContractTerms terms(List<? extends Record> rows) {
        Record first = rows.get(0);
        Map<ActivityId, BigDecimal> hours = new HashMap<>();
        for (Record row : rows) {
            if (row.get(CONTRACT_LINE.ACTIVITY_ID) != null) {
                hours.put(new ActivityId(row.get(CONTRACT_LINE.ACTIVITY_ID)), row.get(HOURS));
            }
        }
        return new ContractTerms(first.get(CONTRACT.ID), new BrandId(first.get(CONTRACT.BRAND_ID)),
                YearMonth.from(first.get(CONTRACT.STARTS_ON)),
                first.get(CONTRACT.ENDS_ON) == null ? null : YearMonth.from(first.get(CONTRACT.ENDS_ON)),
                first.get(CONTRACT.CURRENCY), first.get(CONTRACT.MONTHLY_PRICE), first.get(CONTRACT.OVERAGE_RATE),
                carryOver(first.get(CONTRACT.CARRY_OVER), first.get(CONTRACT.CARRY_OVER_CAP_HOURS)),
                Arrays.asList(first.get(CONTRACT.ALERT_THRESHOLDS)), hours);
    }

    static CarryOver carryOver(String rule, BigDecimal capHours) {
        return "capped".equals(rule) ? CarryOver.capped(capHours) : CarryOver.NONE;
    }
}
