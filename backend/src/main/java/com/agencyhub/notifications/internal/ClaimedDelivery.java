package com.agencyhub.notifications.internal;

import com.agencyhub.notifications.Notification.Delivery.Channel;
import com.agencyhub.shared.TenantId;

import java.util.UUID;

/**
 * A delivery a worker claimed: what to send where, and the claim that its outcome must name. {@code webhookUrl} is
 * null when the webhook was removed since; {@code attempt} counts this one.
 */
public record ClaimedDelivery(TenantId tenant, UUID id, UUID claim, int attempt, Channel channel, String email,
                              String webhookUrl, String subject, String text, String reason) {
}
