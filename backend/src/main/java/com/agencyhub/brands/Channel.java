package com.agencyhub.brands;

/** One channel of a brand: a platform slug (instagram, linkedin, …) with a handle, a URL or both. */
public record Channel(String platform, String handle, String url) {
}
