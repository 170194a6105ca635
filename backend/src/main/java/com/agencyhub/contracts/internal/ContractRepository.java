package com.agencyhub.contracts.internal;

import com.agencyhub.contracts.Contract;
import com.agencyhub.contracts.ContractDraft;
import com.agencyhub.contracts.ContractId;
import com.agencyhub.contracts.ContractLine;
import com.agencyhub.contracts.ContractStatus;
import com.agencyhub.contracts.Quote;
import com.agencyhub.jooq.tables.records.ContractRecord;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.SqlErrors;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.agencyhub.jooq.Tables.CONTRACT;
import static com.agencyhub.jooq.Tables.CONTRACT_LINE;

/** Contracts with their priced lines. Writes check the version they were based on and answer empty when it moved. */
@Repository
public class ContractRepository {

    /** The priced terms a draft is written with. */
    public record Terms(ContractDraft draft, String currency, BigDecimal monthlyPrice, List<ContractLine> lines,
                        Quote quote) {
    }

    public Mono<Contract> insert(DSLContext sql, TenantId tenant, BrandId brand, UserId createdBy, Terms terms) {
        UUID id = UUID.randomUUID();
        return Mono.from(sql.insertInto(CONTRACT)
                        .set(CONTRACT.TENANT_ID, tenant.value())
                        .set(CONTRACT.ID, id)
                        .set(CONTRACT.BRAND_ID, brand.value())
                        .set(CONTRACT.STATUS, Slugs.of(ContractStatus.DRAFT))
                        .set(CONTRACT.CREATED_BY, createdBy.value())
                        .set(values(terms)))
                .then(insertLines(sql, tenant, id, terms.lines()))
                .then(find(sql, tenant, brand, new ContractId(id)));
    }

    /** Replaces the draft's terms and lines if it is still a draft at {@code expectedVersion}. */
    public Mono<Contract> replaceDraft(DSLContext sql, TenantId tenant, BrandId brand, ContractId id,
                                       int expectedVersion, Terms terms) {
        return Mono.from(sql.update(CONTRACT)
                        .set(values(terms))
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .set(CONTRACT.UPDATED_AT, DSL.currentInstant())
                        .where(draftAt(tenant, id, expectedVersion)))
                .filter(updated -> updated == 1)
                .flatMap(updated -> Mono.from(sql.deleteFrom(CONTRACT_LINE)
                                .where(CONTRACT_LINE.TENANT_ID.eq(tenant.value())
                                        .and(CONTRACT_LINE.CONTRACT_ID.eq(id.value()))))
                        .then(insertLines(sql, tenant, id.value(), terms.lines()))
                        .then(find(sql, tenant, brand, id)));
    }

    /** Deletes the draft (its lines go with it) if it is still a draft at {@code expectedVersion}. */
    public Mono<Boolean> deleteDraft(DSLContext sql, TenantId tenant, ContractId id, int expectedVersion) {
        return Mono.from(sql.deleteFrom(CONTRACT).where(draftAt(tenant, id, expectedVersion)))
                .map(deleted -> deleted == 1);
    }

    /**
     * Puts the draft in force if it is still a draft at {@code expectedVersion}; a 409 when its months overlap
     * another contract in force for the brand (the database's exclusion constraint decides, so two activations at
     * once cannot both pass).
     */
    public Mono<Contract> activate(DSLContext sql, TenantId tenant, BrandId brand, ContractId id, int expectedVersion,
                                   UserId by) {
        return Mono.from(sql.update(CONTRACT)
                        .set(CONTRACT.STATUS, Slugs.of(ContractStatus.ACTIVE))
                        .set(CONTRACT.ACTIVATED_BY, by.value())
                        .set(CONTRACT.ACTIVATED_AT, DSL.currentInstant())
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .set(CONTRACT.UPDATED_AT, DSL.currentInstant())
                        .where(draftAt(tenant, id, expectedVersion)))
                .onErrorMap(SqlErrors::isExclusionViolation, overlap -> ApiProblem.conflict(
                        "Another contract of the brand is in force in some of these months; end it first or "
                                + "start this one later."))
                .filter(updated -> updated == 1)
                .flatMap(updated -> find(sql, tenant, brand, id));
    }

    /** Sets the last month of the active contract if it is still at {@code expectedVersion}. */
    public Mono<Contract> end(DSLContext sql, TenantId tenant, BrandId brand, ContractId id, int expectedVersion,
                              YearMonth lastMonth) {
        return Mono.from(sql.update(CONTRACT)
                        .set(CONTRACT.STATUS, Slugs.of(ContractStatus.ENDED))
                        .set(CONTRACT.ENDS_ON, lastMonth.atEndOfMonth())
                        .set(CONTRACT.VERSION, CONTRACT.VERSION.plus(1))
                        .set(CONTRACT.UPDATED_AT, DSL.currentInstant())
                        .where(CONTRACT.TENANT_ID.eq(tenant.value()).and(CONTRACT.ID.eq(id.value()))
                                .and(CONTRACT.STATUS.eq(Slugs.of(ContractStatus.ACTIVE)))
                                .and(CONTRACT.VERSION.eq(expectedVersion))))
                .filter(updated -> updated == 1)
                .flatMap(updated -> find(sql, tenant, brand, id));
    }

    public Mono<Contract> find(DSLContext sql, TenantId tenant, BrandId brand, ContractId id) {
        return contracts(sql, tenant, CONTRACT.BRAND_ID.eq(brand.value()).and(CONTRACT.ID.eq(id.value())))
                .flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()));
    }

    /** The brand's contracts, the latest first month first. */
    public Mono<List<Contract>> list(DSLContext sql, TenantId tenant, BrandId brand) {
        return contracts(sql, tenant, CONTRACT.BRAND_ID.eq(brand.value()));
    }

    /** The contracts that match, then their lines: two statements, one after the other. */
    private Mono<List<Contract>> contracts(DSLContext sql, TenantId tenant, Condition condition) {
        return Flux.from(sql.selectFrom(CONTRACT).where(CONTRACT.TENANT_ID.eq(tenant.value()).and(condition))
                        .orderBy(CONTRACT.STARTS_ON.desc(), CONTRACT.CREATED_AT.desc(), CONTRACT.ID))
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(List.of())
                        : lines(sql, tenant, rows.stream().map(row -> row.get(CONTRACT.ID)).toList())
                        .map(lines -> rows.stream().map(row -> contract(row,
                                lines.getOrDefault(row.get(CONTRACT.ID), List.of()))).toList()));
    }

    private Mono<Map<UUID, List<ContractLine>>> lines(DSLContext sql, TenantId tenant, Collection<UUID> contracts) {
        return Flux.from(sql.selectFrom(CONTRACT_LINE)
                        .where(CONTRACT_LINE.TENANT_ID.eq(tenant.value()).and(CONTRACT_LINE.CONTRACT_ID.in(contracts)))
                        .orderBy(CONTRACT_LINE.CONTRACT_ID, CONTRACT_LINE.ACTIVITY_ID, CONTRACT_LINE.TIME_CLASS))
                .collect(Collectors.groupingBy(row -> row.get(CONTRACT_LINE.CONTRACT_ID),
                        Collectors.mapping(row -> new ContractLine(new ActivityId(row.get(CONTRACT_LINE.ACTIVITY_ID)),
                                Slugs.parse(TimeClass.class, row.get(CONTRACT_LINE.TIME_CLASS)),
                                row.get(CONTRACT_LINE.PLANNED_HOURS), row.get(CONTRACT_LINE.BILL_RATE),
                                row.get(CONTRACT_LINE.SURCHARGE_PERCENT), row.get(CONTRACT_LINE.AMOUNT)),
                                Collectors.toList())));
    }

    private static Mono<Void> insertLines(DSLContext sql, TenantId tenant, UUID contract, List<ContractLine> lines) {
        return Flux.fromIterable(lines).concatMap(line -> Mono.from(sql.insertInto(CONTRACT_LINE)
                        .set(CONTRACT_LINE.TENANT_ID, tenant.value())
                        .set(CONTRACT_LINE.CONTRACT_ID, contract)
                        .set(CONTRACT_LINE.ACTIVITY_ID, line.activity().value())
                        .set(CONTRACT_LINE.TIME_CLASS, Slugs.of(line.timeClass()))
                        .set(CONTRACT_LINE.PLANNED_HOURS, line.plannedHours())
                        .set(CONTRACT_LINE.BILL_RATE, line.billRate())
                        .set(CONTRACT_LINE.SURCHARGE_PERCENT, line.surchargePercent())
                        .set(CONTRACT_LINE.AMOUNT, line.amount())))
                .then();
    }

    private static ContractRecord values(Terms terms) {
        ContractDraft draft = terms.draft();
        ContractRecord values = new ContractRecord();
        values.setStartsOn(draft.firstMonth().atDay(1));
        values.setEndsOn(draft.lastMonth() == null ? null : draft.lastMonth().atEndOfMonth());
        values.setCurrency(terms.currency());
        values.setMonthlyPrice(terms.monthlyPrice());
        values.setOverageRate(draft.overageRate());
        values.setCarryOver(Slugs.of(draft.carryOver().rule()));
        values.setCarryOverCapHours(draft.carryOver().capHours());
        values.setAlertThresholds(draft.alertThresholds().toArray(Integer[]::new));
        values.setQuote(QuoteJson.write(terms.quote()));
        values.setNote(draft.note());
        return values;
    }

    private static Condition draftAt(TenantId tenant, ContractId id, int expectedVersion) {
        return CONTRACT.TENANT_ID.eq(tenant.value()).and(CONTRACT.ID.eq(id.value()))
                .and(CONTRACT.STATUS.eq(Slugs.of(ContractStatus.DRAFT)))
                .and(CONTRACT.VERSION.eq(expectedVersion));
    }

    private static Contract contract(Record row, List<ContractLine> lines) {
        return new Contract(new ContractId(row.get(CONTRACT.ID)), new BrandId(row.get(CONTRACT.BRAND_ID)),
                Slugs.parse(ContractStatus.class, row.get(CONTRACT.STATUS)),
                YearMonth.from(row.get(CONTRACT.STARTS_ON)),
                row.get(CONTRACT.ENDS_ON) == null ? null : YearMonth.from(row.get(CONTRACT.ENDS_ON)),
                row.get(CONTRACT.CURRENCY), row.get(CONTRACT.MONTHLY_PRICE), row.get(CONTRACT.OVERAGE_RATE),
                ContractTermsRepository.carryOver(row.get(CONTRACT.CARRY_OVER), row.get(CONTRACT.CARRY_OVER_CAP_HOURS)),
                Arrays.asList(row.get(CONTRACT.ALERT_THRESHOLDS)), lines, QuoteJson.read(row.get(CONTRACT.QUOTE)),
                row.get(CONTRACT.NOTE), row.get(CONTRACT.VERSION), new UserId(row.get(CONTRACT.CREATED_BY)),
                row.get(CONTRACT.CREATED_AT), row.get(CONTRACT.UPDATED_AT),
                row.get(CONTRACT.ACTIVATED_BY) == null ? null : new UserId(row.get(CONTRACT.ACTIVATED_BY)),
                row.get(CONTRACT.ACTIVATED_AT));
    }
}
