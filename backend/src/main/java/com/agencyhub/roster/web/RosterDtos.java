package com.agencyhub.roster.web;

import com.agencyhub.api.model.AbsenceDto;
import com.agencyhub.api.model.AbsenceKindDto;
import com.agencyhub.api.model.AbsenceStatusDto;
import com.agencyhub.api.model.RosterOverrideDto;
import com.agencyhub.api.model.RosterRotationDto;
import com.agencyhub.roster.StoredAbsence;
import com.agencyhub.roster.StoredOverride;
import com.agencyhub.roster.StoredRotation;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.web.WeeklyWindowInputs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Rotations, overrides and absences as the contract writes them. */
final class RosterDtos {

    private RosterDtos() {
    }

    static RosterRotationDto rotation(StoredRotation stored) {
        var rotation = stored.rotation();
        return new RosterRotationDto(stored.id().value(), stored.name(), rotation.priority(),
                rotation.members().stream().map(UserId::value).toList(), rotation.lengthDays(),
                rotation.handoff().toString(), rotation.startDate(), rotation.zone().getId(),
                rotation.restriction().stream().map(WeeklyWindowInputs::dto).toList(), brandIds(rotation.brands()),
                stored.version(), utc(stored.createdAt()), utc(stored.updatedAt()));
    }

    static RosterOverrideDto override(StoredOverride stored) {
        var override = stored.override();
        return new RosterOverrideDto(stored.id().value(), override.member().value(), utc(override.from()),
                utc(override.to()), brandIds(override.brands()), stored.swapId(),
                override.swapWith().map(UserId::value).orElse(null), stored.note(), stored.createdBy().value(),
                utc(override.createdAt()));
    }

    static AbsenceDto absence(StoredAbsence absence) {
        return new AbsenceDto(absence.id().value(), absence.member().value(),
                AbsenceKindDto.fromValue(Slugs.of(absence.kind())), utc(absence.from()), utc(absence.to()),
                AbsenceStatusDto.fromValue(absence.status().value()), absence.note(), absence.enteredBy().value(),
                absence.decidedBy() == null ? null : absence.decidedBy().value(), utc(absence.decidedAt()),
                absence.decisionNote(), utc(absence.createdAt()));
    }

    /** Brand ids in a stable order, so that the same rotation always reads the same. */
    private static List<UUID> brandIds(Collection<BrandId> brands) {
        return brands.stream().map(BrandId::value).sorted().toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
