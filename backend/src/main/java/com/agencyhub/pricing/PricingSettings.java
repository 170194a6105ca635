package com.agencyhub.pricing;

/** The agency's currency (ISO 4217) for every amount; version 0 while the agency keeps the default. */
public record PricingSettings(String currency, int version) {

    public static final PricingSettings DEFAULT = new PricingSettings("EUR", 0);
}
