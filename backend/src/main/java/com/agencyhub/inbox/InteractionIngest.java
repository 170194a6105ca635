package com.agencyhub.inbox;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.BrandRef;
import com.agencyhub.brands.BrandStatus;
import com.agencyhub.brands.Brands;
import com.agencyhub.businesstime.BrandCalendars;
import com.agencyhub.businesstime.DueTimes;
import com.agencyhub.businesstime.SlaHistory;
import com.agencyhub.guidelines.SlaPolicy;
import com.agencyhub.inbox.internal.IngestRequestRepository;
import com.agencyhub.inbox.internal.InteractionEventRepository;
import com.agencyhub.inbox.internal.InteractionRepository;
import com.agencyhub.roster.RosterInputs;
import com.agencyhub.roster.Segment;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores the interactions a tool reports (docs/inbox.md, "Ingest"): a delivery of up to {@value #MAX_ITEMS} items is a
 * few statements in one transaction, whatever its size. The brand's guidelines and strategy versions are read once per
 * delivery ({@link SlaHistory}) and each item is pinned to those in force when it arrived; the roster is resolved once,
 * over the arrivals that fell outside the coverage windows. New items go in with one multi-row insert that skips
 * those already there (by brand, channel and external id), so a redelivery creates nothing and changes nothing.
 */
@Service
public class InteractionIngest {

    public static final int MAX_ITEMS = 500;
    /** How long an Idempotency-Key's answer is kept. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Brands brands;
    private final BrandCalendars calendars;
    private final RosterInputs rosters;
    private final InteractionRepository interactions;
    private final InteractionEventRepository events;
    private final IngestRequestRepository requests;
    private final Transactions transactions;

    public InteractionIngest(Brands brands, BrandCalendars calendars, RosterInputs rosters,
                             InteractionRepository interactions, InteractionEventRepository events,
                             IngestRequestRepository requests, Transactions transactions) {
        this.brands = brands;
        this.calendars = calendars;
        this.rosters = rosters;
        this.interactions = interactions;
        this.events = events;
        this.requests = requests;
        this.transactions = transactions;
    }

    /** An Idempotency-Key and whether the request was for one item (answered 201 or 200) or a batch. */
    public record IdempotencyKey(String key, boolean single) {
    }

    /**
     * A tool or staff member reports items of a brand they may see (404 otherwise); with a key, a repeated request
     * answers the stored result, and the key with another body is a 422.
     */
    public Mono<IngestResult> ingest(Actor actor, BrandId brandId, List<ReportedInteraction> items,
                                     IdempotencyKey key) {
        TenantId tenant = actor.requireTenant();
        return transactions.inTenant(tenant, sql -> brands.get(actor, brandId).flatMap(brand -> {
            if (key == null) {
                return ingest(sql, tenant, ref(brand), items, actor.userId(), EventSource.TOOL);
            }
            byte[] hash = hash(key, items);
            return requests.lock(sql, tenant, key.key())
                    .then(requests.find(sql, tenant, key.key(), Instant.now().minus(KEY_LIFETIME)))
                    .map(stored -> {
                        if (!MessageDigest.isEqual(stored.bodyHash(), hash)) {
                            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                                    "Idempotency key reused", "This Idempotency-Key was used for another request "
                                    + "body; send a new key for a new request.", List.of());
                        }
                        return JSON.readValue(stored.response(), IngestResult.class);
                    })
                    .switchIfEmpty(Mono.defer(() -> ingest(sql, tenant, ref(brand), items, actor.userId(),
                                    EventSource.TOOL)
                            .flatMap(result -> requests.save(sql, tenant, key.key(), hash,
                                            key.single() && result.createdCount() > 0 ? 201 : 200,
                                            JSON.writeValueAsString(result))
                                    .thenReturn(result))));
        }));
    }

    /** Items delivered through the brand's signed webhook, already verified: in the agency, as the application role. */
    public Mono<IngestResult> ingestDelivered(TenantId tenant, BrandId brandId, List<ReportedInteraction> items) {
        return transactions.inTenant(tenant, sql -> brands.refs(tenant, Set.of(brandId))
                .flatMap(found -> found.containsKey(brandId) ? Mono.just(found.get(brandId))
                        : Mono.error(ApiProblem.notFound("The brand")))
                .flatMap(brand -> {
                    if (brand.status() == BrandStatus.OFFBOARDED) {
                        return Mono.error(offboarded());
                    }
                    return ingest(sql, tenant, brand, items, null, EventSource.WEBHOOK);
                }));
    }

    private static BrandRef ref(Brand brand) {
        if (brand.status() == BrandStatus.OFFBOARDED) {
            throw offboarded();
        }
        return brand.ref();
    }

    private static ApiProblem offboarded() {
        return ApiProblem.conflict("The brand is offboarded; it takes no more interactions.");
    }

    private Mono<IngestResult> ingest(DSLContext sql, TenantId tenant, BrandRef brand, List<ReportedInteraction> items,
                                      UserId actor, EventSource source) {
        Map<ReportedInteraction.Key, ReportedInteraction> unique = new LinkedHashMap<>();
        items.forEach(item -> unique.putIfAbsent(item.key(), item));
        Instant now = Instant.now();
        return calendars.slaHistory(tenant, brand)
                .flatMap(history -> windowClasses(tenant, brand, history, unique.values())
                        .map(classes -> unique.values().stream().map(item -> pinned(brand.id(), item, history,
                                classes.get(item.receivedAt()), now)).toList()))
                .flatMap(fresh -> interactions.insertNew(sql, tenant, fresh).collect(Collectors.toSet())
                        .flatMap(inserted -> {
                            List<Interaction> created = fresh.stream()
                                    .filter(interaction -> inserted.contains(interaction.id().value())).toList();
                            Set<ReportedInteraction.Key> others = fresh.stream()
                                    .filter(interaction -> !inserted.contains(interaction.id().value()))
                                    .map(interaction -> new ReportedInteraction.Key(interaction.channel(),
                                            interaction.externalId()))
                                    .collect(Collectors.toSet());
                            Mono<List<Interaction>> existing = others.isEmpty() ? Mono.just(List.of())
                                    : interactions.findByKeys(sql, tenant, brand.id(), others).collectList();
                            return existing.flatMap(found -> events.append(sql, tenant, arrivals(created, actor, source))
                                    .thenReturn(result(items, created, found)));
                        }));
    }

    /**
     * Where each arrival fell: inside the coverage windows of the strategy in force then, or else covered or not by
     * the roster, which is resolved once over the arrivals outside the windows.
     */
    private Mono<Map<Instant, WindowClass>> windowClasses(TenantId tenant, BrandRef brand, SlaHistory history,
                                                          Iterable<ReportedInteraction> items) {
        Map<Instant, WindowClass> classes = new HashMap<>();
        List<Instant> outside = new ArrayList<>();
        for (ReportedInteraction item : items) {
            if (!classes.containsKey(item.receivedAt())) {
                boolean inside = history.insideCoverage(item.receivedAt());
                classes.put(item.receivedAt(), inside ? WindowClass.INSIDE : WindowClass.UNCOVERED);
                if (!inside) {
                    outside.add(item.receivedAt());
                }
            }
        }
        if (outside.isEmpty()) {
            return Mono.just(classes);
        }
        outside.sort(Comparator.naturalOrder());
        Instant from = outside.get(0);
        Instant to = outside.get(outside.size() - 1).plusSeconds(1);
        return rosters.forBrand(tenant, brand, from, to).map(roster -> {
            List<Segment> segments = roster.resolve();
            int next = 0;
            for (Instant arrival : outside) {
                while (!segments.get(next).contains(arrival)) {
                    next++;
                }
                if (segments.get(next).status() == Segment.Status.ON_DUTY) {
                    classes.put(arrival, WindowClass.COVERED);
                }
            }
            return classes;
        });
    }

    /** The new interaction with its priority and the SLA in force at its arrival. */
    private static Interaction pinned(BrandId brand, ReportedInteraction item, SlaHistory history,
                                      WindowClass windowClass, Instant now) {
        SlaPolicy.Priority priority = item.priority();
        PrioritySource source = PrioritySource.GIVEN;
        if (priority == null) {
            priority = history.guidelinesAt(item.receivedAt())
                    .flatMap(published -> PriorityRules.match(published.policies(), item)).orElse(null);
            source = priority == null ? PrioritySource.FALLBACK : PrioritySource.RULE;
            priority = priority == null ? SlaPolicy.Priority.NORMAL : priority;
        }
        Interaction.PinnedSla sla = history.dueTimes(item.receivedAt(), priority).map(InteractionIngest::sla)
                .orElse(null);
        return new Interaction(new InteractionId(UUID.randomUUID()), brand, item.channel(), item.externalId(),
                item.kind(), item.authorHandle(), item.text(), item.link(), item.sentiment(), item.receivedAt(), now,
                priority, source, windowClass, sla, InteractionStatus.OPEN, null, null,
                new Interaction.Resolution(null, null, null, null, 0, 0), 0, null, null, null, 0);
    }

    private static Interaction.PinnedSla sla(DueTimes due) {
        return new Interaction.PinnedSla(due.guidelinesVersion(), due.strategyVersion(), due.policy().clock(),
                due.policy().firstResponseMinutes(), due.policy().resolutionMinutes(), due.firstResponseDueAt(),
                due.resolutionDueAt());
    }

    /** Each new item's arrival and, when an SLA was pinned, the start of its two clocks. */
    private static List<InteractionEvent> arrivals(List<Interaction> created, UserId actor, EventSource source) {
        List<InteractionEvent> arrivals = new ArrayList<>(created.size() * 3);
        for (Interaction interaction : created) {
            arrivals.add(InteractionEvent.of(interaction.id(), InteractionEvent.Type.RECEIVED, null,
                    interaction.receivedAt(), actor, source, interaction.channel(), Map.of()));
            if (interaction.sla() != null) {
                arrivals.add(InteractionEvent.of(interaction.id(), InteractionEvent.Type.ACTIVATED,
                        InteractionEvent.Metric.FIRST_RESPONSE, interaction.receivedAt(), null, EventSource.SYSTEM,
                        null, Map.of("dueAt", interaction.sla().firstResponseDueAt().toString())));
                arrivals.add(InteractionEvent.of(interaction.id(), InteractionEvent.Type.ACTIVATED,
                        InteractionEvent.Metric.RESOLUTION, interaction.receivedAt(), null, EventSource.SYSTEM,
                        null, Map.of("dueAt", interaction.sla().resolutionDueAt().toString())));
            }
        }
        return arrivals;
    }

    /** The answer in the order sent; an item named twice is created at most once, at its first mention. */
    private static IngestResult result(List<ReportedInteraction> items, List<Interaction> created,
                                       List<Interaction> existing) {
        Map<ReportedInteraction.Key, IngestedItem> outcomes = new HashMap<>();
        created.forEach(interaction -> outcomes.put(key(interaction), item(interaction, true)));
        existing.forEach(interaction -> outcomes.put(key(interaction), item(interaction, false)));
        Set<ReportedInteraction.Key> answered = new HashSet<>();
        List<IngestedItem> answer = new ArrayList<>(items.size());
        int createdCount = 0;
        for (ReportedInteraction reported : items) {
            IngestedItem outcome = outcomes.get(reported.key());
            if (!answered.add(reported.key())) {
                outcome = outcome.asExisting();
            }
            createdCount += outcome.created() ? 1 : 0;
            answer.add(outcome);
        }
        return new IngestResult(createdCount, items.size() - createdCount, answer);
    }

    private static ReportedInteraction.Key key(Interaction interaction) {
        return new ReportedInteraction.Key(interaction.channel(), interaction.externalId());
    }

    private static IngestedItem item(Interaction interaction, boolean created) {
        Interaction.PinnedSla sla = interaction.sla();
        return new IngestedItem(interaction.id(), interaction.channel(), interaction.externalId(), created,
                interaction.priority(), interaction.prioritySource(), interaction.windowClass(),
                sla == null ? null : sla.guidelinesVersion(), sla == null ? null : sla.strategyVersion(),
                sla == null ? null : sla.firstResponseDueAt(), sla == null ? null : sla.resolutionDueAt());
    }

    /** SHA-256 of the items as understood (not as spelled) and of whether one or a batch was asked for. */
    private static byte[] hash(IdempotencyKey key, List<ReportedInteraction> items) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((key.single() ? "one:" : "batch:").getBytes(StandardCharsets.UTF_8));
            return digest.digest(JSON.writeValueAsBytes(items));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
