package com.agencyhub.shared.security;

/** One entry of the token's {@code organization} claim: the organization's alias and id. */
public record OrganizationClaim(String alias, String id) {
}
