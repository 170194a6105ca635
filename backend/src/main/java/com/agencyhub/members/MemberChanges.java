package com.agencyhub.members;

import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.security.Role;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A partial update of a member: null fields stay as they are. */
public record MemberChanges(String displayName, Set<Role> roles, ZoneId homeZone, Set<String> platforms,
                            Set<String> languages, BigDecimal weeklyCapacityHours, WorkingTimeRules rules,
                            List<WeeklyWindow> workingHours) {

    public boolean touchesStaffProfile() {
        return roles != null || homeZone != null || platforms != null || languages != null
                || weeklyCapacityHours != null || rules != null || workingHours != null;
    }

    Member applyTo(Member current) {
        StaffProfile profile = current.profile();
        if (profile != null) {
            profile = new StaffProfile(pick(homeZone, profile.homeZone()), pick(platforms, profile.platforms()),
                    pick(languages, profile.languages()), pick(weeklyCapacityHours, profile.weeklyCapacityHours()),
                    pick(rules, profile.rules()), pick(workingHours, profile.workingHours()));
        }
        return new Member(current.id(), current.kind(), current.email(), pick(displayName, current.displayName()),
                pick(roles, current.roles()), current.status(), profile, current.clientScope(), current.invitedAt(),
                current.deactivatedAt(), current.createdAt(), current.updatedAt(), current.version());
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
