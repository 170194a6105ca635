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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a test fails because a call did not answer in time (WebTestClient's or Reactor's blocking timeout), prints
 * what was going on at that moment: every thread's stack and PostgreSQL's sessions that are not idle, with their
 * waits and locks. Registered for every test class (junit-platform.properties).
 *
 * <p>The failure is rethrown with a one-line digest in its message (PostgreSQL's busy sessions, the threads that
 * were inside our code and the event loops that were not waiting for I/O), since a build's summary of failed tests
 * is often all that is left of a CI run.
 */
public class HangDiagnostics implements TestExecutionExceptionHandler {

    private static final String OUR_CODE = "com.agencyhub.";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (!isTimeout(failure)) {
            throw failure;
        }
        StringBuilder report = new StringBuilder("\n==== " + context.getDisplayName() + " timed out: threads\n");
        List<String> busyThreads = new ArrayList<>();
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
            busy(thread).ifPresent(busyThreads::add);
        }
        List<String> busySessions = new ArrayList<>();
        report.append("==== PostgreSQL sessions\n").append(sessions(busySessions));
        System.out.println(report);
        AssertionError digested = new AssertionError(failure.getMessage() + " | PostgreSQL busy: " + busySessions
                + " | busy threads: " + busyThreads, failure);
        digested.setStackTrace(failure.getStackTrace());
        throw digested;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A thread worth naming in the digest: one of the application's (not the test's own) inside our main code, or an
     * event loop that is not waiting for I/O (a loop busy or blocked stalls every connection it serves). Its name,
     * state and innermost frame.
     */
    private static Optional<String> busy(ThreadInfo thread) {
        if (thread.getThreadName().equals("main")) {
            return Optional.empty();
        }
        StackTraceElement[] frames = thread.getStackTrace();
        String innermost = frames.length > 0 ? frames[0].toString() : "";
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith(OUR_CODE) && !frame.getClassName().contains(".testsupport.")) {
                return Optional.of(thread.getThreadName() + " " + thread.getThreadState() + " " + innermost + " in "
                        + frame);
            }
        }
        boolean eventLoop = thread.getThreadName().startsWith("reactor-");
        boolean waitingForIo = innermost.contains("epollWait") || innermost.contains("EPoll.wait")
                || innermost.contains("epollBusyWait");
        return eventLoop && !waitingForIo ? Optional.of(thread.getThreadName() + " " + thread.getThreadState() + " "
                + innermost) : Optional.empty();
    }

    private static String sessions(List<String> digest) {
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
                String query = String.valueOf(found.getString("query"));
                digest.add(found.getString("state") + "/" + found.getString("wait_event") + " "
                        + found.getString("in_transaction") + " " + query.substring(0, Math.min(60, query.length())));
            }
        } catch (Exception unavailable) {
            rows.append("(not readable: ").append(unavailable).append(")\n");
        }
        return rows.toString();
    }
}
