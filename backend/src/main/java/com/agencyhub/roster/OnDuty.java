package com.agencyhub.roster;

import com.agencyhub.members.MemberContact;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.Instant;
import java.util.Map;

/** The segment of a brand's timeline containing {@code at}, with how to reach everyone it names. */
public record OnDuty(BrandId brand, Instant at, Segment segment, Map<UserId, MemberContact> people) {

    public OnDuty {
        people = Map.copyOf(people);
    }
}
