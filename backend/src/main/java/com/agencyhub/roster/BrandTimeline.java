package com.agencyhub.roster;

import com.agencyhub.members.MemberContact;
import com.agencyhub.shared.UserId;

import java.util.List;
import java.util.Map;

/** A brand's resolved roster, with how to reach everyone it names. */
public record BrandTimeline(BrandRoster roster, List<Segment> segments, Map<UserId, MemberContact> people) {

    public BrandTimeline {
        segments = List.copyOf(segments);
        people = Map.copyOf(people);
    }
}
