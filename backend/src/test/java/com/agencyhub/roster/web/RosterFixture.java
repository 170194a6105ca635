package com.agencyhub.roster.web;

import com.agencyhub.roster.AbsenceId;
import com.agencyhub.roster.AbsenceKind;
import com.agencyhub.roster.AbsenceStatus;
import com.agencyhub.roster.OverrideId;
import com.agencyhub.roster.Rotation;
import com.agencyhub.roster.ShiftOverride;
import com.agencyhub.roster.internal.AbsenceRepository;
import com.agencyhub.roster.internal.OverrideRepository;
import com.agencyhub.roster.internal.RotationRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.testsupport.TestAgency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An agency's roster written straight through the roster's repositories, as the agency's admin: the roster's write API
 * is built beside these questions, so the tests of the questions cannot use it yet. Rotations hand off at 09:00 in
 * Europe/Berlin.
 */
final class RosterFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Transactions transactions;
    private final RotationRepository rotations;
    private final OverrideRepository overrides;
    private final AbsenceRepository absences;
    private final TestAgency agency;

    RosterFixture(Transactions transactions, RotationRepository rotations, OverrideRepository overrides,
                  AbsenceRepository absences, TestAgency agency) {
        this.transactions = transactions;
        this.rotations = rotations;
        this.overrides = overrides;
        this.absences = absences;
        this.agency = agency;
    }

    /** A rotation of priority 0 whose first turn starts on {@code start}; without restriction around the clock. */
    UUID rotation(List<UUID> members, int lengthDays, LocalDate start, List<WeeklyWindow> restriction,
                  UUID... brands) {
        UUID id = UUID.randomUUID();
        Rotation rotation = new Rotation(id.toString(), 0, members.stream().map(UserId::new).toList(), lengthDays,
                LocalTime.of(9, 0), start, BERLIN, restriction, brands(brands));
        transactions.inTenant(agency.tenant(), sql -> rotations.insert(sql, agency.tenant(), "Rotation " + id, rotation))
                .block();
        return id;
    }

    void override(UUID member, Instant from, Instant to, UUID... brands) {
        ShiftOverride override = new ShiftOverride(new UserId(member), from, to, brands(brands), Instant.now());
        transactions.inTenant(agency.tenant(), sql -> overrides.insert(sql, agency.tenant(),
                new OverrideId(UUID.randomUUID()), override, null, null, agency.admin())).block();
    }

    void absence(UUID member, AbsenceKind kind, AbsenceStatus status, Instant from, Instant to) {
        transactions.inTenant(agency.tenant(), sql -> absences.insert(sql, agency.tenant(),
                new AbsenceId(UUID.randomUUID()), new UserId(member), kind, from, to, status, null, agency.admin()))
                .block();
    }

    static Instant berlin(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    private static Set<BrandId> brands(UUID... brands) {
        return Arrays.stream(brands).map(BrandId::new).collect(Collectors.toSet());
    }
}
