package com.agencyhub.inbox;

/** The tone the reporting tool found. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
