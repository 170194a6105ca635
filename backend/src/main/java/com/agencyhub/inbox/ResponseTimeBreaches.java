package com.agencyhub.inbox;

/**
 * Why first-response targets were missed; each missed item is counted once: arrived with nobody meant to watch
 * ({@code uncovered}), else an escalation reached nobody ({@code escalationFailed}), else the answer came late although
 * someone was on duty ({@code coveredButSlow}).
 */
public record ResponseTimeBreaches(long missedTarget, long uncovered, long escalationFailed, long coveredButSlow) {
}
