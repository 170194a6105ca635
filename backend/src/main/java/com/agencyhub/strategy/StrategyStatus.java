package com.agencyhub.strategy;

/** A draft is being worked on; an approved version is the brand's plan and never changes again. */
public enum StrategyStatus {
    DRAFT,
    APPROVED
}
