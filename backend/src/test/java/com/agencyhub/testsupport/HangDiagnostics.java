package com.agencyhub.testsupport;

import com.agencyhub.testsupport.db.TestDatabase;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * When a test fails because a call did not answer in time (WebTestClient's or Reactor's blocking timeout), prints
 * what was going on at that moment: every thread's stack and PostgreSQL's sessions that are not idle, with their
 * waits and locks. Registered for every test class (junit-platform.properties); the failure itself is rethrown.
 */
public class HangDiagnostics implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            StringBuilder report = new StringBuilder("\n==== " + context.getDisplayName() + " timed out: threads\n");
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                report.append(thread.getThreadName()).append(' ').append(thread.getThreadState());
                if (thread.getLockName() != null) {
                    report.append(" on ").append(thread.getLockName()).append(" held by ")
                            .append(thread.getLockOwnerName());
                }
                report.append('\n');
                for (StackTraceElement frame : thread.getStackTrace()) {
                    report.append("    at ").append(frame).append('\n');
                }
            }
            report.append("==== PostgreSQL sessions\n").append(sessions());
            System.out.println(report);
        }
        throw failure;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }

    private static String sessions() {
        StringBuilder rows = new StringBuilder();
        try (Connection admin = TestDatabase.get().asAdmin(); Statement sql = admin.createStatement();
             ResultSet found = sql.executeQuery("select pid, usename, state, wait_event_type, wait_event, "
                     + "pg_blocking_pids(pid) as blocked_by, now() - xact_start as in_transaction, "
                     + "left(query, 300) as query from pg_stat_activity where state <> 'idle' and pid <> "
                     + "pg_backend_pid()")) {
            ResultSetMetaData columns = found.getMetaData();
            while (found.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    rows.append(columns.getColumnName(i)).append('=').append(found.getString(i)).append(' ');
                }
                rows.append('\n');
            }
        } catch (Exception unavailable) {
            rows.append("(not readable: ").append(unavailable).append(")\n");
        }
        return rows.toString();
    }
}
