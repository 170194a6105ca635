package com.agencyhub.shared.identity;

public record NewUser(String email, String firstName, String lastName, String initialPassword, boolean emailVerified) {
}
