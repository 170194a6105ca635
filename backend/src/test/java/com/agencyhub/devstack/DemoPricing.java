package com.agencyhub.devstack;

import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.AgencyPricing;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.RateDimensions;
import com.agencyhub.pricing.Rates;
import com.agencyhub.pricing.SurchargePercents;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.TimeClass;
import com.agencyhub.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The demo agency's rates and surcharges (docs/pricing.md), unless it has rates: 85.00 bill and 45.00 cost per hour by
 * default, community management for Alpenmilch billed at 110.00, Jonas costing 50.00 an hour; 15 % on weekday
 * evenings, 40 % at night, 25 % at weekends, 50 % on holidays.
 */
final class DemoPricing {

    private static final Logger log = LoggerFactory.getLogger(DemoPricing.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private DemoPricing() {
    }

    static void set(ApplicationContext context, Actor system, BrandId alpenmilch, UserId jonas) {
        Rates rates = context.getBean(Rates.class);
        if (!rates.list(system, new RateDimensions(null, null, null)).block(TIMEOUT).isEmpty()) {
            log.info("Demo rates already there");
            return;
        }
        ActivityId community = context.getBean(Activities.class).byKey(system.requireTenant()).block(TIMEOUT)
                .get("community-management");
        rates.create(system, new RateDimensions(null, null, null), new BigDecimal("85.00"), new BigDecimal("45.00"))
                .block(TIMEOUT);
        rates.create(system, new RateDimensions(alpenmilch, community, null), new BigDecimal("110.00"), null)
                .block(TIMEOUT);
        rates.create(system, new RateDimensions(null, null, jonas), null, new BigDecimal("50.00")).block(TIMEOUT);
        context.getBean(AgencyPricing.class).replaceSurcharges(system, new SurchargePercents(Map.of(
                TimeClass.WEEKDAY_EVENING, new BigDecimal("15.00"), TimeClass.NIGHT, new BigDecimal("40.00"),
                TimeClass.WEEKEND, new BigDecimal("25.00"), TimeClass.HOLIDAY, new BigDecimal("50.00"))))
                .block(TIMEOUT);
        log.info("Demo rates and surcharges set");
    }
}
