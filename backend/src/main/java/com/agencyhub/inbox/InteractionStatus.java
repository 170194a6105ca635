package com.agencyhub.inbox;

/**
 * Open until the first response, responded after it, waiting while the agency waits for the customer (the resolution
 * clock paused), resolved when settled (a reopen or a resumption makes it open or responded).
 */
public enum InteractionStatus {
    OPEN, RESPONDED, WAITING, RESOLVED
}
