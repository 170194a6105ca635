package com.agencyhub.pricing.web;

import com.agencyhub.pricing.RateChange;
import com.agencyhub.shared.web.ApiProblem;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The checks of pricing's request values that the contract's schemas cannot express, and their parsing: decimals are
 * taken exactly as written (never rounded into range), percents up to 500.
 */
final class PricingRequests {

    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,7})(\\.[0-9]{1,2})?");
    private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(500);

    private PricingRequests() {
    }

    /** A partial update changes something: an empty one is a 400. */
    static void requireSomething(boolean empty) {
        if (empty) {
            throw ApiProblem.badRequest("Send at least one property to change.");
        }
    }

    static String name(String name) {
        if (name.isBlank()) {
            throw ApiProblem.invalidField("name", "must not be blank", "blank");
        }
        return name.strip();
    }

    /** A rate as given (null: not given), not negative with at most two decimals. */
    static BigDecimal rate(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw ApiProblem.invalidField(field, "must be a decimal that is not negative, with at most two decimals",
                    "decimal");
        }
        return new BigDecimal(value);
    }

    /** An update of a rate: left out keeps it, "" unsets it. */
    static RateChange change(String field, String value) {
        if (value == null) {
            return RateChange.KEEP;
        }
        return value.isEmpty() ? RateChange.UNSET : RateChange.to(rate(field, value));
    }

    static BigDecimal percent(String field, String value) {
        BigDecimal percent = rate(field, value);
        if (percent.compareTo(MAX_PERCENT) > 0) {
            throw ApiProblem.invalidField(field, "must be at most 500 (percent)", "maximum");
        }
        return percent;
    }
}
