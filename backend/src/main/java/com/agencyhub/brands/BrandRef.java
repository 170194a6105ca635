package com.agencyhub.brands;

import com.agencyhub.shared.BrandId;

import java.time.ZoneId;

/**
 * What other modules need to name a brand in a list of many: its name, zone and status, and its holiday region (null
 * without one) for the business-time calendar.
 */
public record BrandRef(BrandId id, String name, ZoneId zone, BrandStatus status, String holidayRegion) {
}
