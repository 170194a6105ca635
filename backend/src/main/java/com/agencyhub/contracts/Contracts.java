package com.agencyhub.contracts;

import com.agencyhub.contracts.internal.ContractTermsRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The terms the brands' contracts agree, month by month, for the modules that bill hours against them. A month has
 * at most one contract in force per brand (the database excludes overlapping active contracts); drafts never are.
 */
@Service
public class Contracts {

    private final ContractTermsRepository terms;
    private final Transactions transactions;

    Contracts(ContractTermsRepository terms, Transactions transactions) {
        this.terms = terms;
        this.transactions = transactions;
    }

    /** The brand's contract in force in the month; empty when it has none. */
    public Mono<ContractTerms> inForce(TenantId tenant, BrandId brand, YearMonth month) {
        return transactions.inTenant(tenant, sql -> terms.inForce(sql, tenant, brand, month, month).next());
    }

    /** The contracts in force in the month, by brand, for the whole agency in one query. */
    public Mono<Map<BrandId, ContractTerms>> inForce(TenantId tenant, YearMonth month) {
        return transactions.inTenant(tenant, sql -> terms.inForce(sql, tenant, null, month, month)
                .collect(Collectors.toMap(ContractTerms::brand, Function.identity())));
    }

    /**
     * The terms in force for each month from {@code from} to {@code to} (both included), ascending; months without a
     * contract are missing. Contracts change between months, so a carry-over chain reads each month's own terms.
     */
    public Mono<Map<YearMonth, ContractTerms>> months(TenantId tenant, BrandId brand, YearMonth from, YearMonth to) {
        return transactions.inTenant(tenant, sql -> terms.inForce(sql, tenant, brand, from, to).collectList())
                .map(contracts -> {
                    Map<YearMonth, ContractTerms> byMonth = new TreeMap<>();
                    for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                        YearMonth current = month;
                        contracts.stream().filter(contract -> contract.covers(current)).findFirst()
                                .ifPresent(contract -> byMonth.put(current, contract));
                    }
                    return byMonth;
                });
    }
}
