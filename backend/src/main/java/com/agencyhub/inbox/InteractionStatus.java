package com.agencyhub.inbox;

/** Open until the first response, responded after it, resolved when settled (a reopen makes it open or responded). */
public enum InteractionStatus {
    OPEN, RESPONDED, RESOLVED
}
