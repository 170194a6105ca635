package com.agencyhub.contracts;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A brand's contract as stored: its months, terms and priced lines, and the quote it was made from (or null). */
public record Contract(ContractId id, BrandId brand, ContractStatus status, YearMonth firstMonth, YearMonth lastMonth,
                       String currency, BigDecimal monthlyPrice, BigDecimal overageRate, CarryOver carryOver,
                       List<Integer> alertThresholds, List<ContractLine> lines, Quote quote, String note, int version,
                       UserId createdBy, Instant createdAt, Instant updatedAt, UserId activatedBy,
                       Instant activatedAt) {

    public Contract {
        alertThresholds = List.copyOf(alertThresholds);
        lines = List.copyOf(lines);
    }

    public BigDecimal plannedHours() {
        return lines.stream().map(ContractLine::plannedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the audit trail keeps of a contract. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", Slugs.of(status));
        snapshot.put("startMonth", firstMonth.toString());
        snapshot.put("lastMonth", lastMonth == null ? null : lastMonth.toString());
        snapshot.put("currency", currency);
        snapshot.put("monthlyPrice", monthlyPrice.toPlainString());
        snapshot.put("plannedHours", plannedHours().toPlainString());
        snapshot.put("overageRate", overageRate.toPlainString());
        snapshot.put("carryOver", carryOver.rule() == CarryOver.Rule.NONE ? "none"
                : "capped at " + carryOver.capHours().toPlainString() + " h");
        snapshot.put("alertThresholds", alertThresholds);
        snapshot.put("lines", lines.stream().map(line -> line.activity() + " " + Slugs.of(line.timeClass()) + " "
                + line.plannedHours().toPlainString() + " h = " + line.amount().toPlainString()).toList());
        return snapshot;
    }
}
