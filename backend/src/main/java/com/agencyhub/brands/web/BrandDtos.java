package com.agencyhub.brands.web;

import com.agencyhub.api.model.BrandChannelDto;
import com.agencyhub.api.model.BrandDto;
import com.agencyhub.api.model.BrandStatusDto;
import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandSettings;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ETags;
import org.springframework.http.ResponseEntity;

import java.time.ZoneOffset;

/** Brand as the contract shows it: staff see everything, client users the same without the internal notes. */
final class BrandDtos {

    private BrandDtos() {
    }

    static BrandDto of(Brand brand, Actor viewer) {
        BrandSettings settings = brand.settings();
        BrandDto dto = new BrandDto(brand.id().value(), settings.name(), settings.legalName(), settings.zone().getId(),
                settings.locale(), settings.industry(), settings.holidayRegion(),
                settings.channels().stream()
                        .map(channel -> new BrandChannelDto(channel.platform(), channel.handle(), channel.url()))
                        .toList(),
                BrandStatusDto.fromValue(brand.status().value()), settings.clientSeesAudit(),
                settings.clientSeesPlans(), settings.clientSeesHours(), brand.createdAt().atOffset(ZoneOffset.UTC),
                brand.updatedAt().atOffset(ZoneOffset.UTC), (long) brand.version());
        return showsNotes(viewer) ? dto.notes(settings.notes()) : dto;
    }

    /** Whether {@code viewer} sees a brand's internal notes: staff do, client users do not. */
    static boolean showsNotes(Actor viewer) {
        return viewer.isStaff();
    }

    static ResponseEntity<BrandDto> ok(Brand brand, Actor viewer) {
        return ResponseEntity.ok().eTag(ETags.of(brand.version())).body(of(brand, viewer));
    }
}
