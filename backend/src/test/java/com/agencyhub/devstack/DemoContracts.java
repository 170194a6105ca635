package com.agencyhub.devstack;

import com.agencyhub.contracts.CarryOver;
import com.agencyhub.contracts.Contract;
import com.agencyhub.contracts.ContractDraft;
import com.agencyhub.contracts.ContractLifecycle;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

/**
 * Alpenmilch's retainer, unless the brand has contracts: made from the quote of its approved strategy, in force from
 * October 2026, open-ended, unused hours carried over up to 10 h, alerts at 80 % and 100 % of the planned hours.
 * Activation needs a price: without bill rates (the pricing demo sets them) the draft stays a draft.
 */
final class DemoContracts {

    private static final Logger log = LoggerFactory.getLogger(DemoContracts.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private DemoContracts() {
    }

    static void agree(ApplicationContext context, Actor system, BrandId alpenmilch) {
        ContractLifecycle contracts = context.getBean(ContractLifecycle.class);
        if (!contracts.list(system, alpenmilch).block(TIMEOUT).isEmpty()) {
            log.info("Demo contract of 'Alpenmilch' already there");
            return;
        }
        Contract draft = contracts.create(system, alpenmilch, new ContractDraft(YearMonth.of(2026, 10), null,
                new BigDecimal("95.00"), CarryOver.capped(new BigDecimal("10")), List.of(80, 100), List.of(), true,
                "The quote of the approved strategy, agreed in September.")).block(TIMEOUT);
        if (draft.monthlyPrice().signum() == 0) {
            log.info("Demo contract of 'Alpenmilch' drafted; it has no price without bill rates, so it stays a draft");
            return;
        }
        Contract active = contracts.activate(system, alpenmilch, draft.id(), draft.version()).block(TIMEOUT);
        log.info("Demo contract of 'Alpenmilch' active: {} h for {} {} a month", active.plannedHours(),
                active.monthlyPrice(), active.currency());
    }
}
