package com.agencyhub.contracts;

import com.agencyhub.pricing.ActivityId;

import java.math.BigDecimal;
import java.util.List;

/** The quote as it is, the quote with a what-if's changes, and how each activity's hours and price change. */
public record QuoteComparison(Quote current, Quote changed, List<ActivityChange> difference, BigDecimal hours,
                              BigDecimal price) {

    public QuoteComparison {
        difference = List.copyOf(difference);
    }

    public record ActivityChange(ActivityId activity, String activityKey, BigDecimal hours, BigDecimal amount) {
    }
}
