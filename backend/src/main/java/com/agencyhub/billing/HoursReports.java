package com.agencyhub.billing;

import com.agencyhub.brands.Brand;
import com.agencyhub.brands.Brands;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.contracts.Contracts;
import com.agencyhub.members.Member;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.MemberKind;
import com.agencyhub.members.Members;
import com.agencyhub.pricing.Activities;
import com.agencyhub.pricing.Activity;
import com.agencyhub.pricing.ActivityId;
import com.agencyhub.pricing.Pricing;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Page;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.security.Role;
import com.agencyhub.shared.web.ApiProblem;
import com.agencyhub.timesheets.MonthCloses;
import com.agencyhub.timesheets.TrackedActivity;
import com.agencyhub.timesheets.TrackedBrand;
import com.agencyhub.timesheets.TrackedFigures;
import com.agencyhub.timesheets.TrackedMember;
import com.agencyhub.timesheets.TrackedTime;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hours reports (docs/billing-reports.md): a brand's month for admins, managers and, where the brand shares it,
 * its client users; tracked time against capacity per member; the agency's month with margins for admins. Every
 * report reads in one transaction of the agency; the sums come from the database ({@link TrackedTime}).
 */
@Service
public class HoursReports {

    private static final int MEMBER_PAGE = 500;

    private final Transactions transactions;
    private final Brands brands;
    private final Contracts contracts;
    private final TrackedTime tracked;
    private final CarryOverChains chains;
    private final Activities activities;
    private final MonthCloses closes;
    private final Pricing pricing;
    private final Members members;

    HoursReports(Transactions transactions, Brands brands, Contracts contracts, TrackedTime tracked,
                 CarryOverChains chains, Activities activities, MonthCloses closes, Pricing pricing,
                 Members members) {
        this.transactions = transactions;
        this.brands = brands;
        this.contracts = contracts;
        this.tracked = tracked;
        this.chains = chains;
        this.activities = activities;
        this.closes = closes;
        this.pricing = pricing;
        this.members = members;
    }

    /**
     * The brand's month; 404 for a brand the caller may not see, and for client users of a brand that does not share
     * its hours. A social-media manager gets 403 (the path rules already refuse them).
     */
    public Mono<BrandHoursReport> brand(Actor actor, BrandId id, String month) {
        YearMonth asked = ReportMonth.parse(month);
        require(actor.isClientUser() || actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER),
                "The brand's hours report is for agency admins and managers.");
        TenantId tenant = actor.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, sql -> brands.get(actor, id)
                .filter(brand -> actor.isStaff() || brand.settings().clientSeesHours())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The brand")))
                .flatMap(brand -> terms(tenant, id, asked).flatMap(terms -> tracked.byActivity(tenant, id, asked)
                        .flatMap(byActivity -> {
                            TrackedFigures total = byActivity.stream().map(TrackedActivity::figures)
                                    .reduce(TrackedFigures.NONE, TrackedFigures::plus);
                            return chains.of(tenant, terms.map(found -> Map.of(id, found)).orElse(Map.of()), asked,
                                            Map.of(id, total.billableMinutes()))
                                    .flatMap(chain -> activities.list(tenant).flatMap(known -> closed(tenant, asked)
                                            .flatMap(closed -> currency(tenant, terms.orElse(null))
                                            .map(currency -> BrandHoursReport.of(id, brand.settings().name(), asked,
                                                    currency, terms.orElse(null),
                                                    lines(terms.orElse(null), byActivity, known), total,
                                                    HoursInvoice.of(terms.orElse(null), chain.get(id),
                                                            total.billAmount()),
                                                    closed.orElse(null), now)))));
                        }))));
    }

    /** Per staff member; a social-media manager gets their own row only. */
    public Mono<MemberHoursReport> members(Actor actor, String month) {
        YearMonth asked = ReportMonth.parse(month);
        TenantId tenant = actor.requireTenant();
        boolean everyone = actor.has(Role.AGENCY_ADMIN) || actor.has(Role.AGENCY_MANAGER);
        int workingDays = MemberHoursReport.workingDays(asked);
        Instant now = now();
        return transactions.inTenant(tenant, sql -> tracked.byMember(tenant, asked)
                .flatMap(byMember -> staff(tenant, everyone ? null : actor.userId()).flatMap(staff -> {
                    Map<UserId, TrackedFigures> figures = byMember.stream()
                            .collect(Collectors.toMap(TrackedMember::member, TrackedMember::figures));
                    Set<UserId> shown = new LinkedHashSet<>();
                    staff.stream().filter(Member::isCurrentStaff).forEach(member -> shown.add(member.id()));
                    if (everyone) {
                        shown.addAll(figures.keySet());
                    }
                    Map<UserId, Member> profiles = staff.stream().collect(Collectors.toMap(Member::id,
                            Function.identity()));
                    return members.contacts(tenant, shown).map(contacts -> shown.stream()
                            .map(member -> new MemberHours(member, name(contacts.get(member)),
                                    MemberHoursReport.capacityHours(weeklyCapacity(profiles.get(member)),
                                            workingDays),
                                    figures.getOrDefault(member, TrackedFigures.NONE)))
                            .sorted(Comparator.comparing(MemberHours::name).thenComparing(hours ->
                                    hours.member().value()))
                            .toList());
                }))
                .map(rows -> new MemberHoursReport(asked, workingDays, rows, now)));
    }

    /** Every brand with a contract in force or tracked time in the month, by name, with their sum; for admins. */
    public Mono<AgencyHoursReport> agency(Actor actor, String month) {
        YearMonth asked = ReportMonth.parse(month);
        require(actor.has(Role.AGENCY_ADMIN), "The agency report is for agency admins: it shows costs.");
        TenantId tenant = actor.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, sql -> contracts.inForce(tenant, asked)
                .flatMap(termsByBrand -> tracked.byBrand(tenant, asked).flatMap(byBrand -> {
                    Map<BrandId, TrackedFigures> figures = byBrand.stream()
                            .collect(Collectors.toMap(TrackedBrand::brand, TrackedBrand::figures));
                    Set<BrandId> shown = new HashSet<>(termsByBrand.keySet());
                    shown.addAll(figures.keySet());
                    Map<BrandId, Long> billable = new HashMap<>();
                    figures.forEach((brand, sums) -> billable.put(brand, sums.billableMinutes()));
                    return chains.of(tenant, termsByBrand, asked, billable).flatMap(chain -> brands.names(tenant, shown)
                            .flatMap(names -> closed(tenant, asked).flatMap(closed -> currency(tenant, null)
                                    .map(currency -> {
                                List<BrandMonth> rows = shown.stream().map(brand -> brandMonth(brand,
                                                names.getOrDefault(brand, ""), termsByBrand.get(brand),
                                                figures.getOrDefault(brand, TrackedFigures.NONE), chain.get(brand)))
                                        .sorted(Comparator.comparing(BrandMonth::brandName)
                                                .thenComparing(row -> row.brand().value()))
                                        .toList();
                                BrandMonth totals = rows.stream().reduce(new BrandMonth(null, null, false,
                                        BigDecimal.ZERO, TrackedFigures.NONE, BigDecimal.ZERO.setScale(2)),
                                        BrandMonth::plus);
                                return new AgencyHoursReport(asked, currency, rows, totals, closed.orElse(null),
                                        now);
                            }))));
                })));
    }

    private static BrandMonth brandMonth(BrandId brand, String name, ContractTerms terms, TrackedFigures figures,
                                         CarryOverChain chain) {
        HoursInvoice invoice = HoursInvoice.of(terms, chain, figures.billAmount());
        return new BrandMonth(brand, name, terms != null, terms == null ? BigDecimal.ZERO : terms.plannedHours(),
                figures, invoice.invoiceAmount());
    }

    private Mono<Optional<ContractTerms>> terms(TenantId tenant, BrandId brand, YearMonth month) {
        return contracts.inForce(tenant, brand, month).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** One line per activity planned or tracked, in the catalogue's order. */
    private static List<ActivityHours> lines(ContractTerms terms, List<TrackedActivity> byActivity,
                                             List<Activity> known) {
        Map<ActivityId, BigDecimal> planned = terms == null ? Map.of() : terms.plannedHoursByActivity();
        Map<ActivityId, TrackedFigures> figures = byActivity.stream()
                .collect(Collectors.toMap(TrackedActivity::activity, TrackedActivity::figures));
        return known.stream()
                .filter(activity -> planned.containsKey(activity.id()) || figures.containsKey(activity.id()))
                .map(activity -> new ActivityHours(activity.id(), activity.key(), activity.name(),
                        planned.getOrDefault(activity.id(), BigDecimal.ZERO),
                        figures.getOrDefault(activity.id(), TrackedFigures.NONE)))
                .toList();
    }

    private Mono<Optional<MonthClosed>> closed(TenantId tenant, YearMonth month) {
        return closes.of(tenant, month).flatMap(close -> close.isEmpty() ? Mono.just(Optional.<MonthClosed>empty())
                : members.contacts(tenant, List.of(close.get().closedBy())).map(contacts -> Optional.of(
                        new MonthClosed(close.get().closedAt(), close.get().closedBy(),
                                name(contacts.get(close.get().closedBy()))))));
    }

    /** The agency's staff (or only {@code only}, when current), with their profiles. */
    private Mono<List<Member>> staff(TenantId tenant, UserId only) {
        if (only != null) {
            return members.currentStaffMembers(tenant, List.of(only));
        }
        return members.list(tenant, MemberKind.STAFF, null, MEMBER_PAGE, null)
                .expand(page -> page.nextCursor() == null ? Mono.empty()
                        : members.list(tenant, MemberKind.STAFF, null, MEMBER_PAGE, page.nextCursor()))
                .concatMapIterable(Page::items)
                .collectList();
    }

    private static BigDecimal weeklyCapacity(Member member) {
        return member == null || member.profile() == null || member.profile().weeklyCapacityHours() == null
                ? BigDecimal.ZERO : member.profile().weeklyCapacityHours();
    }

    private static String name(MemberContact contact) {
        return contact == null ? "" : contact.displayName();
    }

    /** The contract's currency, or the agency's (pricing settings) without a contract. */
    private Mono<String> currency(TenantId tenant, ContractTerms terms) {
        return terms != null ? Mono.just(terms.currency()) : pricing.currency(tenant);
    }

    private static void require(boolean allowed, String refusal) {
        if (!allowed) {
            throw ApiProblem.forbidden(refusal);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
