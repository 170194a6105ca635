package com.agencyhub.shared.identity;

public record UserRef(String id, String email, boolean created) {
}
