package com.agencyhub.shared.db;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/** Reads PostgreSQL error codes out of failures that jOOQ and R2DBC wrap in their own exceptions. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String EXCLUSION_VIOLATION = "23P01";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return UNIQUE_VIOLATION.equals(sqlState(error));
    }

    public static boolean isCheckViolation(Throwable error) {
        return CHECK_VIOLATION.equals(sqlState(error));
    }

    /** An exclusion constraint refused the row: it overlaps another one. */
    public static boolean isExclusionViolation(Throwable error) {
        return EXCLUSION_VIOLATION.equals(sqlState(error));
    }

    /**
     * Whether the database could not be used at all: no connection (refused, closed, timed out, pool exhausted
     * beyond its wait) or PostgreSQL shutting down or starting (SQLSTATE class 57P, 08). A retry may succeed.
     */
    public static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException
                    || t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
                    || t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getName().equals("reactor.pool.PoolAcquireTimeoutException")) {
                return true;
            }
            if (t instanceof R2dbcException r2dbc && unavailable(r2dbc.getSqlState())
                    || t instanceof java.sql.SQLException jdbc && unavailable(jdbc.getSQLState())
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("57P") || sqlState.startsWith("08"));
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
