package com.agencyhub.roster;

import com.agencyhub.brands.Brands;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.Members;
import com.agencyhub.roster.internal.RotationRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every roster write checks about the people and brands it names: brands of the agency (another agency's brand
 * is as unknown as a made-up one: 404, like a path), members who are current staff (400 naming the field), and that
 * whoever is to take a shift may watch its brands.
 */
@Component
class RosterReferences {

    private final Brands brands;
    private final Members members;
    private final BrandTeams teams;
    private final RotationRepository rotations;
    private final Transactions transactions;

    RosterReferences(Brands brands, Members members, BrandTeams teams, RotationRepository rotations,
                     Transactions transactions) {
        this.brands = brands;
        this.members = members;
        this.teams = teams;
        this.rotations = rotations;
        this.transactions = transactions;
    }

    /** Admins and managers plan the roster; social-media managers may only change what concerns themselves. */
    static boolean plans(Actor actor) {
        return actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
    }

    Mono<Void> requireBrands(TenantId tenant, Set<BrandId> named) {
        return brands.refs(tenant, named).flatMap(known -> known.keySet().containsAll(named) ? Mono.empty()
                : Mono.error(ApiProblem.notFound("The brand")));
    }

    /** Every member is current staff of the agency; otherwise a 400 naming each offending field. */
    Mono<Void> requireStaff(TenantId tenant, Map<String, UserId> byField) {
        return members.currentStaff(tenant, new HashSet<>(byField.values())).flatMap(staff -> {
            List<FieldViolation> violations = new ArrayList<>();
            byField.forEach((field, member) -> {
                if (!staff.contains(member)) {
                    violations.add(new FieldViolation(field, "is not current staff of the agency", "unknown-member"));
                }
            });
            return violations.isEmpty() ? Mono.empty() : Mono.error(ApiProblem.validation(violations));
        });
    }

    /** The list's members by their field names, {@code field[0]}, {@code field[1]}, … */
    static Map<String, UserId> listed(String field, List<UserId> members) {
        Map<String, UserId> byField = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            byField.put(field + "[" + i + "]", members.get(i));
        }
        return byField;
    }

    /**
     * Every member may watch every brand: they are in the brand's team or take turns in a rotation covering it;
     * otherwise 409, since the request is well-formed but the roster does not let them.
     */
    Mono<Void> requireWatchers(TenantId tenant, Set<BrandId> named, List<UserId> watchers) {
        Mono<Map<BrandId, List<BrandAssignment>>> brandTeams = teams.teams(tenant, named);
        Mono<List<StoredRotation>> covering = transactions.inTenant(tenant, sql ->
                rotations.covering(sql, tenant, named).collectList());
        // one after the other: inside a caller's transaction both run on its one connection
        return brandTeams.zipWhen(found -> covering).flatMap(found -> {
            Map<BrandId, Set<UserId>> mayWatch = new HashMap<>();
            found.getT1().forEach((brand, team) -> team.forEach(assignment ->
                    mayWatch.computeIfAbsent(brand, b -> new HashSet<>()).add(assignment.member())));
            for (StoredRotation stored : found.getT2()) {
                for (BrandId brand : stored.rotation().brands()) {
                    mayWatch.computeIfAbsent(brand, b -> new HashSet<>()).addAll(stored.rotation().members());
                }
            }
            for (UserId watcher : watchers) {
                for (BrandId brand : named) {
                    if (!mayWatch.getOrDefault(brand, Set.of()).contains(watcher)) {
                        return Mono.error(ApiProblem.conflict("Member " + watcher + " may not watch brand " + brand
                                + ": they are neither in its team nor in a rotation covering it."));
                    }
                }
            }
            return Mono.empty();
        });
    }
}
