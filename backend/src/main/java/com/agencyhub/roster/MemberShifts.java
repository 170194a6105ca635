package com.agencyhub.roster;

import com.agencyhub.members.MemberContact;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A member's shifts across brands in {@code [from, to)}, earliest first, with how to reach those they stand in for. */
public record MemberShifts(UserId member, Instant from, Instant to, List<Shift> shifts,
                           Map<UserId, MemberContact> people) {

    public MemberShifts {
        shifts = List.copyOf(shifts);
        people = Map.copyOf(people);
    }
}
