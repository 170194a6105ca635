package com.agencyhub.businesstime;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.BusinessCalendar;

import java.util.List;

/**
 * When a brand must be monitored: the business-time calendar of its approved strategy's coverage windows, holiday rule
 * and the brand's holidays, with the number of that strategy version; and whom that strategy names for monitoring
 * (responsible members and deputies, in its order).
 */
public record MonitoringCalendar(BrandId brand, int strategyVersion, BusinessCalendar calendar,
                                 List<UserId> responsible, List<UserId> deputies) {

    public MonitoringCalendar {
        responsible = List.copyOf(responsible);
        deputies = List.copyOf(deputies);
    }
}
