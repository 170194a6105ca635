package com.agencyhub.tenancy;

/** Filters for the platform's agency list; null parts do not filter. {@code text} matches name or slug. */
public record AgencyQuery(AgencyStatus status, String text) {
}
