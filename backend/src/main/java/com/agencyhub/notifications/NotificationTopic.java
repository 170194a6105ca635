package com.agencyhub.notifications;

/** What a notification is about; webhooks subscribe to topics. */
public enum NotificationTopic {
    /** An inbox item getting close to its due time. */
    SLA_AT_RISK,
    /** An inbox item past its due time. */
    SLA_BREACHED,
    /** A roster write changed the recipient's duty. */
    ROSTER_CHANGE,
    /** A brand's tracked hours reached an alert threshold of its contract in a month. */
    HOURS_THRESHOLD
}
