package com.agencyhub.inbox;

import com.agencyhub.brands.Brands;
import com.agencyhub.inbox.internal.ResponseTimeRepository;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.tenancy.Agencies;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.agencyhub.inbox.ResponseTimeBreakdown.BRAND;
import static com.agencyhub.inbox.ResponseTimeBreakdown.CHANNEL;
import static com.agencyhub.inbox.ResponseTimeBreakdown.KIND;
import static com.agencyhub.inbox.ResponseTimeBreakdown.PRIORITY;
import static com.agencyhub.inbox.ResponseTimeBreakdown.RESPONDER;
import static com.agencyhub.inbox.ResponseTimeBreakdown.TOTAL;
import static com.agencyhub.inbox.ResponseTimeBreakdown.WEEK;
import static com.agencyhub.inbox.ResponseTimeBreakdown.WEEKDAY_HOUR;
import static com.agencyhub.inbox.ResponseTimeBreakdown.WINDOW_CLASS;

/**
 * Response-time reports (docs/response-time-reports.md): a brand's for whoever may see the brand, the agency's for
 * staff. Client users never get the breakdown by responder: it names the agency's people.
 */
@Service
public class ResponseTimeReports {

    private static final Set<ResponseTimeBreakdown> FOR_EVERYONE = EnumSet.of(TOTAL, WINDOW_CLASS, CHANNEL, PRIORITY,
            KIND, WEEK, WEEKDAY_HOUR);
    private static final List<String> WINDOW_CLASSES = List.of("inside", "covered", "uncovered");
    private static final List<String> PRIORITIES = List.of("critical", "high", "normal", "low");

    private final ResponseTimeRepository repository;
    private final Transactions transactions;
    private final Brands brands;
    private final Members members;
    private final Agencies agencies;

    ResponseTimeReports(ResponseTimeRepository repository, Transactions transactions, Brands brands, Members members,
                        Agencies agencies) {
        this.repository = repository;
        this.transactions = transactions;
        this.brands = brands;
        this.members = members;
        this.agencies = agencies;
    }

    /** The brand's report for the days asked for (see {@link ResponseTimePeriod#of}); 404 for a brand not visible. */
    public Mono<ResponseTimeReport> brand(Actor actor, BrandId id, String from, String to) {
        Instant now = now();
        return brands.get(actor, id).flatMap(brand -> {
            ResponseTimePeriod period = ResponseTimePeriod.of(from, to, brand.settings().zone(), now);
            Set<ResponseTimeBreakdown> breakdowns = EnumSet.copyOf(FOR_EVERYONE);
            if (actor.isStaff()) {
                breakdowns.add(RESPONDER);
            }
            return report(actor.requireTenant(), id, brand.settings().name(), period, now, breakdowns);
        });
    }

    /** The agency's report over all its brands, for staff; dates in the agency's default zone. */
    public Mono<ResponseTimeReport> agency(Actor actor, String from, String to) {
        Instant now = now();
        TenantId tenant = actor.requireTenant();
        return agencies.own(tenant).flatMap(agency -> {
            ResponseTimePeriod period = ResponseTimePeriod.of(from, to, agency.defaultZone(), now);
            Set<ResponseTimeBreakdown> breakdowns = EnumSet.copyOf(FOR_EVERYONE);
            breakdowns.add(RESPONDER);
            breakdowns.add(BRAND);
            return report(tenant, null, null, period, now, breakdowns);
        });
    }

    private Mono<ResponseTimeReport> report(TenantId tenant, BrandId brand, String brandName,
                                            ResponseTimePeriod period, Instant now,
                                            Set<ResponseTimeBreakdown> breakdowns) {
        return transactions.inTenant(tenant, sql -> repository.groups(sql, tenant, brand, period, now, breakdowns))
                .flatMap(groups -> names(tenant, groups).map(names -> {
                    Map<ResponseTimeBreakdown, List<ResponseTimeGroup>> byBreakdown = new LinkedHashMap<>();
                    breakdowns.stream().filter(breakdown -> breakdown != TOTAL)
                            .forEach(breakdown -> byBreakdown.put(breakdown, List.of()));
                    groups.stream().filter(group -> group.breakdown() != TOTAL && !isUnnamedResponder(group))
                            .collect(Collectors.groupingBy(ResponseTimeGroup::breakdown))
                            .forEach((breakdown, found) -> byBreakdown.put(breakdown, ordered(breakdown, found, names)));
                    byBreakdown.put(WINDOW_CLASS, everyWindowClass(byBreakdown.get(WINDOW_CLASS)));
                    ResponseTimeGroup totals = groups.stream().filter(group -> group.breakdown() == TOTAL).findFirst()
                            .orElseThrow();
                    return new ResponseTimeReport(brand, brandName, period, now, totals, byBreakdown, names);
                }));
    }

    /** Items answered by a tool, without a member, have no responder to show. */
    private static boolean isUnnamedResponder(ResponseTimeGroup group) {
        return group.breakdown() == RESPONDER && group.firstKey() == null;
    }

    /** The names of the members and brands the groups are about, by id. */
    private Mono<Map<String, String>> names(TenantId tenant, List<ResponseTimeGroup> groups) {
        Set<UserId> responders = ids(groups, RESPONDER, UserId::new);
        Set<BrandId> brandIds = ids(groups, BRAND, BrandId::new);
        Mono<Map<UserId, MemberContact>> contacts = responders.isEmpty() ? Mono.just(Map.of())
                : members.contacts(tenant, responders);
        return contacts.zipWith(brands.names(tenant, brandIds), (people, brandNames) -> {
            Map<String, String> names = new LinkedHashMap<>();
            people.forEach((id, contact) -> names.put(id.value().toString(), contact.displayName()));
            brandNames.forEach((id, name) -> names.put(id.value().toString(), name));
            return names;
        });
    }

    private static <T> Set<T> ids(List<ResponseTimeGroup> groups, ResponseTimeBreakdown breakdown,
                                  Function<UUID, T> id) {
        return groups.stream().filter(group -> group.breakdown() == breakdown && group.firstKey() != null)
                .map(group -> id.apply(UUID.fromString(group.firstKey()))).collect(Collectors.toSet());
    }

    /** Weeks and hours in time order, priorities from critical down, names alphabetically, the rest by key. */
    private static List<ResponseTimeGroup> ordered(ResponseTimeBreakdown breakdown, List<ResponseTimeGroup> groups,
                                                   Map<String, String> names) {
        Comparator<ResponseTimeGroup> order = switch (breakdown) {
            case WEEKDAY_HOUR -> Comparator.comparingInt((ResponseTimeGroup group) -> Integer.parseInt(group.key().get(0)))
                    .thenComparingInt(group -> Integer.parseInt(group.key().get(1)));
            case PRIORITY -> Comparator.comparingInt(group -> PRIORITIES.indexOf(group.firstKey()));
            case RESPONDER, BRAND -> Comparator.comparing((ResponseTimeGroup group) ->
                    names.getOrDefault(group.firstKey(), "")).thenComparing(ResponseTimeGroup::firstKey);
            default -> Comparator.comparing(ResponseTimeGroup::firstKey);
        };
        return groups.stream().sorted(order).toList();
    }

    /** All three window classes in their order, with zeros where no item arrived. */
    private static List<ResponseTimeGroup> everyWindowClass(List<ResponseTimeGroup> found) {
        return WINDOW_CLASSES.stream().map(windowClass -> found.stream()
                        .filter(group -> group.firstKey().equals(windowClass)).findFirst()
                        .orElseGet(() -> new ResponseTimeGroup(WINDOW_CLASS, List.of(windowClass),
                                ResponseTimeFigures.none(), new ResponseTimeBreaches(0, 0, 0, 0))))
                .toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
