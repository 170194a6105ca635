package com.agencyhub.contracts;

/** The agency's quote parameters and their version (0 while the defaults apply). */
public record StoredQuoteParameters(QuoteParameters parameters, int version) {
}
