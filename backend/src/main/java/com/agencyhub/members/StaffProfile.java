package com.agencyhub.members;

import com.agencyhub.shared.calendar.WeeklyWindow;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What the roster and the reports need to know about a staff member. */
public record StaffProfile(ZoneId homeZone, Set<String> platforms, Set<String> languages,
                           BigDecimal weeklyCapacityHours, WorkingTimeRules rules, List<WeeklyWindow> workingHours) {

    public StaffProfile {
        Objects.requireNonNull(homeZone, "homeZone");
        platforms = Set.copyOf(platforms);
        languages = Set.copyOf(languages);
        rules = rules == null ? WorkingTimeRules.DEFAULT : rules;
        workingHours = List.copyOf(workingHours);
    }
}
