package com.agencyhub.businesstime;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.calendar.BusinessCalendar;

/**
 * When a brand must be monitored: the business-time calendar of its approved strategy's coverage windows, holiday rule
 * and the brand's holidays, with the number of that strategy version.
 */
public record MonitoringCalendar(BrandId brand, int strategyVersion, BusinessCalendar calendar) {
}
