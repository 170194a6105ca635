package com.agencyhub.devstack;

import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.agencyhub.jooq.Tables.INTERACTION;

/**
 * A complaint on Alpenmilch's Instagram, written straight into the inbox (its ingest API is not there yet) on the
 * first start: a critical review mentioning a recall, 70 minutes old with a 30-minute first-response target on the
 * calendar clock. Its escalation steps are due at once, so within a round of the scheduler the member on duty is
 * notified in the app and Jonas, the brand's responsible member, by e-mail, which the dev stack's SMTP server prints.
 */
final class DemoInbox {

    private static final Logger log = LoggerFactory.getLogger(DemoInbox.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String EXTERNAL_ID = "demo-recall-complaint";

    private DemoInbox() {
    }

    static void complaint(ApplicationContext context, TenantId agency, BrandId alpenmilch) {
        Instant received = Instant.now().minus(Duration.ofMinutes(70)).truncatedTo(ChronoUnit.SECONDS);
        int firstResponse = 30;
        int resolution = 240;
        Integer inserted = context.getBean(Guidelines.class).publishedSlaPolicies(agency, alpenmilch)
                .flatMap(guidelines -> context.getBean(Transactions.class).inTenant(agency, sql -> Mono.from(
                        sql.insertInto(INTERACTION)
                                .set(INTERACTION.TENANT_ID, agency.value())
                                .set(INTERACTION.ID, UUID.randomUUID())
                                .set(INTERACTION.BRAND_ID, alpenmilch.value())
                                .set(INTERACTION.CHANNEL, "instagram")
                                .set(INTERACTION.EXTERNAL_ID, EXTERNAL_ID)
                                .set(INTERACTION.KIND, "review")
                                .set(INTERACTION.AUTHOR_HANDLE, "@milchfan_anna")
                                .set(INTERACTION.BODY, "Is the recall on the news about your milk? My kids drank it "
                                        + "this morning. Nobody answers the hotline!")
                                .set(INTERACTION.RECEIVED_AT, received)
                                .set(INTERACTION.PRIORITY, "critical")
                                .set(INTERACTION.PRIORITY_SOURCE, "rule")
                                .set(INTERACTION.WINDOW_CLASS, "inside")
                                .set(INTERACTION.GUIDELINES_VERSION, guidelines.versionNumber())
                                .set(INTERACTION.SLA_CLOCK, "calendar")
                                .set(INTERACTION.FIRST_RESPONSE_TARGET_MINUTES, firstResponse)
                                .set(INTERACTION.RESOLUTION_TARGET_MINUTES, resolution)
                                .set(INTERACTION.FIRST_RESPONSE_DUE_AT, received.plus(Duration.ofMinutes(firstResponse)))
                                .set(INTERACTION.RESOLUTION_DUE_AT, received.plus(Duration.ofMinutes(resolution)))
                                .onConflictDoNothing())))
                .defaultIfEmpty(0)
                .block(TIMEOUT);
        log.info("Demo complaint on Alpenmilch {}", inserted != null && inserted == 1
                ? "received 70 minutes ago: its escalation e-mail is printed within half a minute" : "already there");
    }
}
