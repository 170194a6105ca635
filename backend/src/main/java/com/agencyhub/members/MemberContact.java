package com.agencyhub.members;

import com.agencyhub.shared.UserId;

/** How to name and reach a member in an answer about others (the roster's people on duty). */
public record MemberContact(UserId id, String displayName, String email) {
}
