package com.agencyhub.members;

import com.agencyhub.shared.identity.PersonDetails;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.shared.web.FieldViolation;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A person to invite. Staff come with roles and a profile, client users with the brands they may see (and may
 * approve posts of).
 * {@code initialPassword} is for demo data only; real people choose theirs through the invitation e-mail.
 */
public record Invitation(MemberKind kind, String email, String firstName, String lastName, Set<Role> roles,
                         StaffProfile profile, ClientBrandScope brandScope, Optional<String> initialPassword) {

    public Invitation {
        email = email.strip().toLowerCase(Locale.ROOT);
        roles = Set.copyOf(roles);
        initialPassword = initialPassword == null ? Optional.empty() : initialPassword;
    }

    public static Invitation staff(String email, String firstName, String lastName, Set<Role> roles,
                                   StaffProfile profile) {
        return new Invitation(MemberKind.STAFF, email, firstName, lastName, roles, profile, ClientBrandScope.NONE,
                Optional.empty());
    }

    public static Invitation client(String email, String firstName, String lastName, ClientBrandScope brands) {
        return new Invitation(MemberKind.CLIENT, email, firstName, lastName, Set.of(Role.CLIENT_VIEWER), null,
                brands, Optional.empty());
    }

    public Invitation withInitialPassword(String password) {
        return new Invitation(kind, email, firstName, lastName, roles, profile, brandScope, Optional.of(password));
    }

    /** Checks the person's details before anything is created for them; an error names each invalid field. */
    public Mono<Void> validate() {
        List<FieldViolation> violations = PersonDetails.violations("", email, firstName, lastName);
        return violations.isEmpty() ? Mono.empty() : Mono.error(ApiProblem.validation(violations));
    }

    public String displayName() {
        return firstName + " " + lastName;
    }
}
