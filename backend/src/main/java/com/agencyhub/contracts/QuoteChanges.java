package com.agencyhub.contracts;

import com.agencyhub.shared.calendar.WeeklyWindow;

import java.util.List;

/**
 * A what-if: coverage windows added to the approved strategy's, extra posts, other interaction figures, other
 * formula parameters. Null figures and parameters stay as they are.
 */
public record QuoteChanges(List<WeeklyWindow> addCoverageWindows, List<QuotePosts> extraPosts,
                           Integer interactionsPerWeek, Integer handlingMinutesPerInteraction,
                           QuoteParameters parameters) {

    public QuoteChanges {
        addCoverageWindows = List.copyOf(addCoverageWindows);
        extraPosts = List.copyOf(extraPosts);
    }
}
