package com.agencyhub.shared.db;

/** The database could not be used for a step outside the R2DBC path (the rate limits' JDBC store). */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String what, Throwable cause) {
        super(what + ": " + cause, cause);
    }
}
