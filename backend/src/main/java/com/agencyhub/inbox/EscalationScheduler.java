package com.agencyhub.inbox;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.Brands;
import com.agencyhub.guidelines.EscalationStep;
import com.agencyhub.guidelines.Guidelines;
import com.agencyhub.inbox.internal.EscalationRepository;
import com.agencyhub.members.MemberContact;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.scheduling.PeriodicJob;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Follows the escalation chains of the inbox's running SLA clocks (docs/notifications.md, "Escalation"). A round
 * finds the items that need a look (as the platform role), then works on each in its agency's scope and in one
 * transaction: locks it ({@code FOR UPDATE SKIP LOCKED}, so two instances never take the same step), records each due
 * breach once, takes each due step of the pinned guidelines version's chain once, reaching whoever
 * {@link EscalationRecipients} finds at that moment, enqueues their notifications, records the steps as
 * {@code escalated} events (a step that reached nobody too), and stores when to look again.
 */
@Component
@EnableConfigurationProperties(EscalationProperties.class)
public class EscalationScheduler extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final EscalationRepository repository;
    private final EscalationRecipients recipients;
    private final Guidelines guidelines;
    private final Brands brands;
    private final Notifications notifications;
    private final Transactions transactions;
    private final EscalationProperties properties;

    EscalationScheduler(EscalationRepository repository, EscalationRecipients recipients, Guidelines guidelines,
                        Brands brands, Notifications notifications, Transactions transactions,
                        EscalationProperties properties) {
        super("The escalation scheduler", properties.enabled(), properties.interval());
        this.repository = repository;
        this.recipients = recipients;
        this.guidelines = guidelines;
        this.brands = brands;
        this.notifications = notifications;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Looks at every item that needs it at {@code now}; emits how many it worked on. */
    @Override
    public Mono<Integer> runRound(Instant now) {
        return transactions.asPlatform(sql -> repository.needingALook(sql, now, properties.batch()).collectList())
                .flatMapMany(Flux::fromIterable)
                .concatMap(item -> stopping() ? Mono.just(false) : lookAt(item.getT1(), item.getT2(), now)
                        .onErrorResume(failure -> {
                            log.warn("Escalation of interaction {} failed; the next round tries again: {}",
                                    item.getT2(), failure.toString());
                            return Mono.just(false);
                        }))
                .filter(worked -> worked)
                .count()
                .map(Long::intValue);
    }

    /** Works on one item in its agency; false when another instance holds it. */
    Mono<Boolean> lookAt(TenantId tenant, UUID id, Instant now) {
        return transactions.inTenant(tenant, sql -> repository.lock(sql, tenant, id)
                .flatMap(item -> guidelines.escalationChain(tenant, item.brand(), item.guidelinesVersion())
                        .flatMap(chain -> brands.refs(tenant, Set.of(item.brand()))
                                .flatMap(refs -> act(sql, item, refs.get(item.brand()),
                                        EscalationPlan.at(now, item.clocks(), chain), now))))
                .thenReturn(true)
                .defaultIfEmpty(false));
    }

    private Mono<Void> act(DSLContext sql, EscalationItem item, BrandRef brand, EscalationPlan plan, Instant now) {
        return Flux.fromIterable(plan.breaches())
                .concatMap(metric -> repository.recordBreach(sql, item.tenant(), item.id(), metric, clock(item, metric)
                        .dueAt()))
                .thenMany(Flux.fromIterable(plan.steps()).concatMap(step -> take(sql, item, brand, step, now)))
                .then(repository.lookedAt(sql, item.tenant(), item.id(), item.escalationLevel() + plan.steps().size(),
                        plan.nextLook()));
    }

    private Mono<Void> take(DSLContext sql, EscalationItem item, BrandRef brand, EscalationPlan.Step step,
                            Instant now) {
        return recipients.of(item.tenant(), brand, step.step().recipient(), now).flatMap(reached -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("metric", Slugs.of(step.metric()));
            detail.put("step", step.index() + 1);
            detail.put("trigger", trigger(step.step()));
            detail.put("firesAt", step.firesAt().toString());
            detail.put("recipient", Slugs.of(step.step().recipient()));
            detail.put("channel", Slugs.of(step.step().channel()));
            detail.put("outcome", reached.people().isEmpty() ? "failed" : "notified");
            detail.put("recipients", EscalationRecipients.named(reached.people()));
            detail.put("reason", reached.reason());
            Mono<Void> notify = notifications.enqueue(item.tenant(), reached.people().stream()
                    .map(person -> notification(item, brand, step, person, reached.reason()))
                    .toList());
            return notify.then(repository.recordEscalation(sql, item.tenant(), item.id(), now, detail));
        });
    }

    private static NewNotification notification(EscalationItem item, BrandRef brand, EscalationPlan.Step step,
                                                MemberContact person, String why) {
        EscalationClock clock = clock(item, step.metric());
        ZoneId zone = brand.zone();
        String what = step.metric() == EscalationClock.Metric.FIRST_RESPONSE ? "first response" : "resolution";
        String subject = brand.name() + ": " + what + (step.afterBreach() ? " overdue since " : " due ")
                + CLOCK_TIME.format(clock.dueAt().atZone(zone)) + " (" + zone.getId() + ")";
        String text = "A " + item.kind().replace('-', ' ') + " on " + item.channel()
                + (item.authorHandle() == null ? "" : " from " + item.authorHandle())
                + " (priority " + item.priority() + ", received " + CLOCK_TIME.format(item.receivedAt().atZone(zone))
                + ") waits for its " + what + ".\n\n" + item.excerpt();
        String when = step.afterBreach() ? step.step().trigger().value() + " min after the " + what + " was due"
                : step.step().trigger().value() + " % of the " + what + " target";
        String reason = "Escalation step " + (step.index() + 1) + " (" + when + "): " + why + ".";
        return new NewNotification(person.id(), brand.id(),
                step.afterBreach() ? NotificationTopic.SLA_BREACHED : NotificationTopic.SLA_AT_RISK, subject, text,
                reason, new NewNotification.Reference(NewNotification.Reference.Type.INTERACTION, item.id()),
                step.step().channel() == EscalationStep.Channel.EMAIL);
    }

    private static String trigger(EscalationStep step) {
        return switch (step.trigger().at()) {
            case PERCENT_OF_TARGET -> step.trigger().value() + " %";
            case AFTER_BREACH -> step.trigger().value() + " min after the breach";
        };
    }

    private static EscalationClock clock(EscalationItem item, EscalationClock.Metric metric) {
        return item.clocks().stream().filter(clock -> clock.metric() == metric).findFirst().orElseThrow();
    }
}
