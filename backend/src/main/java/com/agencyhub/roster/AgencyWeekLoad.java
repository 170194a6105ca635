package com.agencyhub.roster;

import com.agencyhub.shared.calendar.IsoWeek;

import java.util.List;
import java.util.Objects;

/** Every member's load in an ISO week (each in their home zone) and how fairly the unsocial part is spread. */
public record AgencyWeekLoad(IsoWeek week, List<MemberWeekLoad> members, Fairness fairness) {

    public AgencyWeekLoad {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(fairness, "fairness");
        members = List.copyOf(members);
    }
}
