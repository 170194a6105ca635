package com.agencyhub.shared.identity;

public record OrganizationRef(String id, String alias, String name) {
}
