package com.agencyhub.notifications.internal;

import com.agencyhub.notifications.Notification.Delivery.Channel;
import com.agencyhub.notifications.NotificationsProperties;
import com.agencyhub.shared.TenantId;
import com.agencyhub.testsupport.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhooks reach public addresses only, unless a setting allows local receivers (the tests' own). */
class PublicAddressesTest {

    @Test
    void loopbackPrivateLinkLocalCarrierNatAndUniqueLocalAddressesAreNotPublic() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] {"8.8.8.8", "100.128.0.1", "172.32.0.1", "2a00:1450:4001::1"}) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void localHostNamesAndPrivateLiteralsAreRefusedOnTheirFaceAndOtherNamesWhenResolved() {
        assertThat(PublicAddresses.isPrivateLiteral("localhost")).isTrue();
        assertThat(PublicAddresses.isPrivateLiteral("api.localhost")).isTrue();
        assertThat(PublicAddresses.isPrivateLiteral("169.254.169.254")).isTrue();
        assertThat(PublicAddresses.isPrivateLiteral("[::1]")).isTrue();
        assertThat(PublicAddresses.isPrivateLiteral("8.8.8.8")).isFalse();
        assertThat(PublicAddresses.isPrivateLiteral("hooks.slack.com")).isFalse();
        assertThatThrownBy(() -> PublicAddresses.firstPublic("intranet.example",
                new InetAddress[] {InetAddress.getByName("10.0.0.5")}))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("no public address");
    }

    @Test
    void aDeliveryToALoopbackReceiverFailsWithoutTheSettingAndArrivesWithIt() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.url("loopback");
            ClaimedDelivery delivery = new ClaimedDelivery(new TenantId(UUID.randomUUID()), UUID.randomUUID(),
                    UUID.randomUUID(), 1, Channel.WEBHOOK, null, url, "Subject", "Text", "Reason");

            ClaimedDelivery byName = new ClaimedDelivery(delivery.tenant(), delivery.id(), delivery.claim(), 1,
                    Channel.WEBHOOK, null, url.replace("127.0.0.1", "localhost"), "Subject", "Text", "Reason");
            for (ClaimedDelivery refused : new ClaimedDelivery[] {delivery, byName}) {
                assertThatThrownBy(() -> new WebhookSender(properties(false)).send(refused)
                        .block(Duration.ofSeconds(10)))
                        .as(refused.webhookUrl())
                        .hasRootCauseInstanceOf(UnknownHostException.class)
                        .rootCause().hasMessageContaining("no public address");
            }
            assertThat(receiver.received()).isEmpty();

            new WebhookSender(properties(true)).send(delivery).block(Duration.ofSeconds(10));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static NotificationsProperties properties(boolean allowPrivate) {
        return new NotificationsProperties(null, false, null, null, null, null, null, null, null, true, allowPrivate);
    }
}
