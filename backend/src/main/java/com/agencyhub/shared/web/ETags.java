package com.agencyhub.shared.web;

/**
 * Optimistic concurrency over HTTP: an aggregate's {@code version} is its strong ETag, and updates must
 * send it back in {@code If-Match} (428 when missing, 412 when stale).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names. */
    public static int requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw ApiProblem.preconditionFailed();
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw ApiProblem.preconditionFailed();
        }
    }
}
