package com.agencyhub.contracts;

import com.agencyhub.shared.calendar.TimeClass;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the quote formula reads: the channel plan's posts, the expected interactions, the coverage windows' time over
 * 52 weeks by time class (holidays included), from the approved strategy or a what-if's change of it, and the
 * agency's parameters.
 */
record QuoteInputs(int strategyVersion, List<QuotePosts> posts, int interactionsPerWeek,
                   int handlingMinutesPerInteraction, Map<TimeClass, Duration> coverageIn52Weeks,
                   QuoteParameters parameters) {

    QuoteInputs {
        posts = List.copyOf(posts);
        coverageIn52Weeks = Map.copyOf(coverageIn52Weeks);
    }
}
