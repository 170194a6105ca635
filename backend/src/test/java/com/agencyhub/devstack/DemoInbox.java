package com.agencyhub.devstack;

import com.agencyhub.guidelines.SlaConditions.InteractionKind;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.InboxProperties;
import com.agencyhub.inbox.InboxWebhooks;
import com.agencyhub.inbox.IngestResult;
import com.agencyhub.inbox.InteractionIngest;
import com.agencyhub.inbox.Interactions;
import com.agencyhub.inbox.ReportedInteraction;
import com.agencyhub.inbox.Sentiment;
import com.agencyhub.inbox.internal.InteractionRepository;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Alpenmilch's inbox, unless it has interactions: a complaint from last Saturday that waited for Monday (its first
 * response breached over the weekend), a question from yesterday answered in time and now waiting for the customer
 * (asked for the shop; its resolution clock paused), an open review from an hour ago,
 * and a review about a recall from 70 minutes ago that the guidelines' rule makes critical (30 minutes to a first
 * response on the calendar clock): its escalation steps are due at once, so within a round of the scheduler the
 * member on duty is notified in the app and Jonas, the brand's responsible member, by e-mail, which the dev stack's
 * SMTP server prints. And the brand's signed webhook, whose secret is logged for trying it out (dev stack only).
 */
final class DemoInbox {

    private static final Logger log = LoggerFactory.getLogger(DemoInbox.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoInbox() {
    }

    static void fill(ApplicationContext context, Actor system, BrandId alpenmilch, UserId jonas, UserId lea) {
        Interactions interactions = context.getBean(Interactions.class);
        InteractionRepository.Filter ofBrand = new InteractionRepository.Filter(alpenmilch, null, null, null, null,
                null, null);
        if (!interactions.list(system, ofBrand, true, 1, null).block(TIMEOUT).items().isEmpty()) {
            log.info("Demo inbox already there");
            return;
        }
        // a Saturday whose Monday lies in the past
        LocalDate saturday = LocalDate.now(BERLIN).minusDays(3).with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        Instant complaintAt = saturday.atTime(LocalTime.of(11, 0)).atZone(BERLIN).toInstant();
        Instant questionAt = Instant.now().minus(Duration.ofDays(1));
        IngestResult result = context.getBean(InteractionIngest.class).ingest(system, alpenmilch, List.of(
                new ReportedInteraction("instagram", "demo-complaint-1", InteractionKind.COMMENT, "@milchfan",
                        "Second spoiled bottle this week. Is anyone there?",
                        "https://www.instagram.com/p/demo-complaint-1/", complaintAt, SlaPolicy.Priority.HIGH,
                        Sentiment.NEGATIVE),
                new ReportedInteraction("instagram", "demo-question-1", InteractionKind.DIRECT_MESSAGE, "@bergsteiger",
                        "Is the hay milk organic?", null, questionAt, null, Sentiment.NEUTRAL),
                new ReportedInteraction("google-business-profile", "demo-review-1", InteractionKind.REVIEW, "Anna K.",
                        "Great yoghurt, friendly staff.", null, Instant.now().minus(Duration.ofHours(1)), null,
                        Sentiment.POSITIVE),
                new ReportedInteraction("instagram", "demo-recall-complaint", InteractionKind.REVIEW, "@milchfan_anna",
                        "Is the recall on the news about your milk? My kids drank it this morning. Nobody answers "
                                + "the hotline!", null, Instant.now().minus(Duration.ofMinutes(70)), null,
                        Sentiment.NEGATIVE)), null).block(TIMEOUT);
        Instant monday = saturday.plusDays(2).atTime(LocalTime.of(9, 30)).atZone(BERLIN).toInstant();
        interactions.reply(system, result.items().get(0).id(), 0, monday, jonas, null).block(TIMEOUT);
        interactions.reply(system, result.items().get(1).id(), 0, questionAt.plus(Duration.ofMinutes(20)), lea, null)
                .block(TIMEOUT);
        interactions.startWaiting(system, result.items().get(1).id(), 1, questionAt.plus(Duration.ofMinutes(21)),
                "Asked in which shop the bottle was bought.").block(TIMEOUT);
        InboxWebhooks.Rotated webhook = context.getBean(InboxWebhooks.class).rotate(system, alpenmilch)
                .block(TIMEOUT);
        log.info("Demo inbox of 'Alpenmilch' filled; its webhook {} has the secret {} (dev stack only)",
                context.getBean(InboxProperties.class).webhookUrl(webhook.webhook().id()), webhook.secret());
    }
}
