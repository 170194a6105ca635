package com.agencyhub.pricing.web;

import com.agencyhub.api.model.ActivityDto;
import com.agencyhub.api.model.RateDto;
import com.agencyhub.api.model.RateResolutionDto;
import com.agencyhub.api.model.SurchargesDto;
import com.agencyhub.pricing.Activity;
import com.agencyhub.pricing.Money;
import com.agencyhub.pricing.Rate;
import com.agencyhub.pricing.RateDimensions;
import com.agencyhub.pricing.ResolvedRates;
import com.agencyhub.pricing.SurchargePercents;
import com.agencyhub.shared.calendar.TimeClass;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Pricing's objects as the contract writes them: amounts and percents as strings with two decimals. */
final class PricingDtos {

    private PricingDtos() {
    }

    static ActivityDto activity(Activity activity) {
        return new ActivityDto(activity.id().value(), activity.key(), activity.name(), activity.position(),
                activity.archived(), utc(activity.archivedAt()), activity.version(), utc(activity.createdAt()),
                utc(activity.updatedAt()));
    }

    static RateDto rate(Rate rate) {
        return new RateDto(rate.id().value(), uuid(rate.brand(), brand -> brand.value()),
                uuid(rate.activity(), activity -> activity.value()), uuid(rate.member(), member -> member.value()),
                decimal(rate.billRate()), decimal(rate.costRate()), rate.version(), utc(rate.createdAt()),
                utc(rate.updatedAt()));
    }

    static RateResolutionDto resolution(RateDimensions work, ResolvedRates resolved) {
        return new RateResolutionDto(uuid(work.brand(), brand -> brand.value()),
                uuid(work.activity(), activity -> activity.value()), uuid(work.member(), member -> member.value()),
                decimal(resolved.billRate()), decimal(resolved.costRate()),
                uuid(resolved.billFrom(), rate -> rate.id().value()), uuid(resolved.costFrom(), rate -> rate.id().value()),
                resolved.applicable().stream().map(PricingDtos::rate).toList(), explanation(resolved));
    }

    static SurchargesDto surcharges(SurchargePercents percents) {
        return new SurchargesDto(decimal(percents.percent(TimeClass.WEEKDAY_EVENING)),
                decimal(percents.percent(TimeClass.NIGHT)), decimal(percents.percent(TimeClass.WEEKEND)),
                decimal(percents.percent(TimeClass.HOLIDAY)));
    }

    /** "Bill rate 110.00 from the row for brand and activity; cost rate 0.00: no row sets one." */
    static String explanation(ResolvedRates resolved) {
        return "Bill rate " + decimal(resolved.billRate()) + source(resolved.billFrom()) + "; cost rate "
                + decimal(resolved.costRate()) + source(resolved.costFrom()) + ".";
    }

    private static String source(Rate row) {
        if (row == null) {
            return ": no row sets one, so this time is unpriced";
        }
        List<String> dimensions = new ArrayList<>();
        if (row.member() != null) {
            dimensions.add("the member");
        }
        if (row.brand() != null) {
            dimensions.add("brand");
        }
        if (row.activity() != null) {
            dimensions.add("activity");
        }
        return dimensions.isEmpty() ? " from the agency default" : " from the row for " + String.join(" and ",
                dimensions);
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : Money.round(value).toPlainString();
    }

    private static <T> UUID uuid(T value, Function<T, UUID> id) {
        return value == null ? null : id.apply(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
