package com.agencyhub.inbox;

import java.util.List;

/**
 * The figures of the items sharing the values {@code key} in one breakdown: a window class, channel, priority or kind
 * slug, the week's Monday ({@code 2026-11-02}), the ISO weekday and hour ({@code [1, 9]}), a member's or brand's id.
 */
public record ResponseTimeGroup(ResponseTimeBreakdown breakdown, List<String> key, ResponseTimeFigures figures,
                                ResponseTimeBreaches breaches) {

    public String firstKey() {
        return key.get(0);
    }
}
