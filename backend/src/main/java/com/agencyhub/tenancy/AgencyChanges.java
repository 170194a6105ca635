package com.agencyhub.tenancy;

import java.time.ZoneId;

/** A partial update of an agency: null parts stay as they are. */
public record AgencyChanges(String name, ZoneId defaultZone, String locale) {

    Agency applyTo(Agency agency) {
        return new Agency(agency.id(), name != null ? name : agency.name(), agency.slug(),
                defaultZone != null ? defaultZone : agency.defaultZone(), locale != null ? locale : agency.locale(),
                agency.status(), agency.createdAt(), agency.updatedAt(), agency.version());
    }
}
