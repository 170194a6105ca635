package com.agencyhub.shared.web;

/** One invalid input field: its JSON path (or parameter name), what is wrong, and a stable code. */
public record FieldViolation(String field, String message, String code) {
}
