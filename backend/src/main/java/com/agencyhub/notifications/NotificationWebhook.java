package com.agencyhub.notifications;

import com.agencyhub.shared.UserId;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An incoming webhook of the agency; {@code url} holds the receiver's secret and never leaves the backend. */
public record NotificationWebhook(UUID id, String name, String url, Set<NotificationTopic> topics, UserId createdBy,
                                  Instant createdAt) {

    public NotificationWebhook {
        topics = Set.copyOf(topics);
    }

    /** The URL as answers show it: scheme, host and its last four characters. */
    public String urlPreview() {
        return preview(url);
    }

    public static String preview(String url) {
        URI uri = URI.create(url);
        String tail = url.length() > 12 ? url.substring(url.length() - 4) : "";
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…" + tail;
    }
}
