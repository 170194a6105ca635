package com.agencyhub.inbox;

import com.agencyhub.shared.BrandId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A response-time report of one brand ({@code brand} set) or of the agency, made at {@code generatedAt}: the totals and
 * every breakdown's groups in the order they are shown. {@code names} names the groups that are members or brands;
 * responders are left out for client users.
 */
public record ResponseTimeReport(BrandId brand, String brandName, ResponseTimePeriod period, Instant generatedAt,
                                 ResponseTimeGroup totals, Map<ResponseTimeBreakdown, List<ResponseTimeGroup>> groups,
                                 Map<String, String> names) {

    public List<ResponseTimeGroup> groups(ResponseTimeBreakdown breakdown) {
        return groups.getOrDefault(breakdown, List.of());
    }

    public boolean includes(ResponseTimeBreakdown breakdown) {
        return groups.containsKey(breakdown);
    }
}
