package com.agencyhub.shared.identity;

import com.agencyhub.shared.web.CleanText;
import com.agencyhub.shared.web.FieldViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a person's name and e-mail address must meet before anything is created for them, here or in the
 * identity provider: checked first, so that an invitation never fails half-way on input. Real names pass
 * (accents, apostrophes, parentheses, slashes, ampersands, any script); the realm's user profile accepts the same
 * (infra/keycloak/agencyhub-realm.json).
 */
public final class PersonDetails {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PersonDetails() {
    }

    /** The violations of a person's details; {@code prefix} is the JSON path of the object holding them ("" or "admin."). */
    public static List<FieldViolation> violations(String prefix, String email, String firstName, String lastName) {
        List<FieldViolation> violations = new ArrayList<>();
        name(prefix + "firstName", firstName, violations);
        name(prefix + "lastName", lastName, violations);
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()
                || hasControlCharacter(email)) {
            violations.add(new FieldViolation(prefix + "email", "must be an e-mail address of at most "
                    + MAX_EMAIL_LENGTH + " characters", "invalid-email"));
        }
        return violations;
    }

    private static void name(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "must not be blank", "blank"));
        } else if (value.strip().codePointCount(0, value.strip().length()) > MAX_NAME_LENGTH) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_NAME_LENGTH + " characters", "too-long"));
        } else if (hasControlCharacter(value) || !CleanText.isClean(value)) {
            violations.add(new FieldViolation(field, "must not contain control characters", "invalid-character"));
        }
    }

    private static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }
}
