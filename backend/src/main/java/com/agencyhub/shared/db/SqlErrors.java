package com.agencyhub.shared.db;

import io.r2dbc.spi.R2dbcException;

/** Reads PostgreSQL error codes out of failures that jOOQ and R2DBC wrap in their own exceptions. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return UNIQUE_VIOLATION.equals(sqlState(error));
    }

    public static boolean isCheckViolation(Throwable error) {
        return CHECK_VIOLATION.equals(sqlState(error));
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc.getSqlState();
            }
        }
        return null;
    }
}
