package com.agencyhub.calendar;

import java.net.URI;
import java.util.List;

/** What a post says on one platform, in one format. */
public record PostVariant(String platform, String text, List<URI> mediaUrls, PostFormat format) {

    public PostVariant {
        mediaUrls = List.copyOf(mediaUrls);
    }
}
