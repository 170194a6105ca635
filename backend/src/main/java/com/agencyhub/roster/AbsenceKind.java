package com.agencyhub.roster;

/** Why a member is away. */
public enum AbsenceKind {
    SICK, VACATION, TRAINING, OTHER
}
