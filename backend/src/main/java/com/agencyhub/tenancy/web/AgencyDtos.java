package com.agencyhub.tenancy.web;

import com.agencyhub.api.model.AgencyDto;
import com.agencyhub.api.model.AgencyStatusDto;
import com.agencyhub.shared.web.ETags;
import com.agencyhub.tenancy.Agency;
import org.springframework.http.ResponseEntity;

import java.time.ZoneOffset;

/** Agency as the contract shows it; the version doubles as the ETag. */
final class AgencyDtos {

    private AgencyDtos() {
    }

    static AgencyDto of(Agency agency) {
        return new AgencyDto(agency.id().value(), agency.name(), agency.slug(), agency.defaultZone().getId(),
                agency.locale(), AgencyStatusDto.fromValue(agency.status().value()),
                agency.createdAt().atOffset(ZoneOffset.UTC), agency.updatedAt().atOffset(ZoneOffset.UTC),
                (long) agency.version());
    }

    static ResponseEntity<AgencyDto> ok(Agency agency) {
        return ResponseEntity.ok().eTag(ETags.of(agency.version())).body(of(agency));
    }
}
