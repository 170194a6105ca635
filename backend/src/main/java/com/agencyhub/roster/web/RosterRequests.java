package com.agencyhub.roster.web;

import com.agencyhub.roster.Interval;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.ApiProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** How roster requests are read: stretches of time with a longest length, id lists without repeats, notes. */
final class RosterRequests {

    private RosterRequests() {
    }

    /** A half-open stretch {@code [from, to)} no longer than {@code longest}; 400 naming {@code toField} otherwise. */
    static Interval stretch(String toField, OffsetDateTime from, OffsetDateTime to, Duration longest) {
        return stretch(toField, from.toInstant(), to.toInstant(), longest);
    }

    static Interval stretch(String toField, Instant start, Instant end, Duration longest) {
        if (!end.isAfter(start)) {
            throw ApiProblem.invalidField(toField, "must be after from", "range");
        }
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw ApiProblem.invalidField(toField, "must be at most " + longest.toDays() + " days after from",
                    "range");
        }
        return new Interval(start, end);
    }

    static Set<BrandId> brands(String field, List<UUID> ids) {
        return distinct(field, ids.stream().map(BrandId::new).toList());
    }

    static List<UserId> members(String field, List<UUID> ids) {
        List<UserId> members = ids.stream().map(UserId::new).toList();
        distinct(field, members);
        return members;
    }

    /** The items as a set in their order; 400 naming the first repeated one. */
    private static <T> Set<T> distinct(String field, List<T> items) {
        Set<T> seen = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i))) {
                throw ApiProblem.invalidField(field + "[" + i + "]", "is listed twice", "duplicate");
            }
        }
        return seen;
    }

    /** A note: stripped, and absent when blank. */
    static String note(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
