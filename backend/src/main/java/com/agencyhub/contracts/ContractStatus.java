package com.agencyhub.contracts;

/** A draft may change; active and ended contracts are in force (an ended one up to its last month). */
public enum ContractStatus { DRAFT, ACTIVE, ENDED }
