package com.agencyhub.brands;

/**
 * A brand as the API shows it, already rendered as the contract's JSON (UTF-8) by the statement that read it, with
 * the version its ETag names.
 */
public record RenderedBrand(int version, byte[] json) {
}
