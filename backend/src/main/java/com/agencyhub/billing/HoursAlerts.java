package com.agencyhub.billing;

import com.agencyhub.billing.internal.HoursAlertRepository;
import com.agencyhub.brands.Brands;
import com.agencyhub.contracts.ContractTerms;
import com.agencyhub.contracts.Contracts;
import com.agencyhub.members.BrandAssignment;
import com.agencyhub.members.BrandTeams;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.members.Responsibility;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.security.Role;
import com.agencyhub.timesheets.HoursBooked;
import com.agencyhub.timesheets.TrackedMonth;
import com.agencyhub.timesheets.TrackedTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a brand's responsible members and the agency's admins when its billable hours of a month reach a threshold of
 * its contract (a percent of the month's available hours: planned plus carried in). Runs in the transaction that
 * wrote the time, after the write; each threshold of a contract's month is told once ({@code hours_alert}), and a
 * write that rolls back tells nothing. Racing writes of one contract's month work out their alerts one after the
 * other (an advisory lock until the transaction ends), so the second sees the first one's time.
 */
@Component
class HoursAlerts implements HoursBooked {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Transactions transactions;
    private final Contracts contracts;
    private final TrackedTime tracked;
    private final CarryOverChains chains;
    private final HoursAlertRepository alerts;
    private final BrandTeams teams;
    private final Members members;
    private final Brands brands;
    private final Notifications notifications;

    HoursAlerts(Transactions transactions, Contracts contracts, TrackedTime tracked, CarryOverChains chains,
                HoursAlertRepository alerts, BrandTeams teams, Members members, Brands brands,
                Notifications notifications) {
        this.transactions = transactions;
        this.contracts = contracts;
        this.tracked = tracked;
        this.chains = chains;
        this.alerts = alerts;
        this.teams = teams;
        this.members = members;
        this.brands = brands;
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> booked(TenantId tenant, BrandId brand, YearMonth month) {
        return transactions.inTenant(tenant, sql -> contracts.inForce(tenant, brand, month)
                .filter(terms -> !terms.alertThresholds().isEmpty())
                .flatMap(terms -> alerts.lockMonth(sql, terms.contractId(), month)
                        .then(tracked.billableByMonth(tenant, List.of(brand), month, month.plusMonths(1)))
                        .flatMap(found -> chains.of(tenant, Map.of(brand, terms), month, Map.of(brand,
                                found.stream().mapToLong(TrackedMonth::billableMinutes).sum())))
                        .map(chain -> HoursBalance.chain(terms.plannedHours(), terms.carryOver().capHours(),
                                chain.get(brand)))
                        .flatMap(balance -> alerts.recordReached(sql, tenant, terms.contractId(), month,
                                reached(terms, balance)))
                        .filter(told -> !told.isEmpty())
                        .flatMap(told -> tell(tenant, brand, month, terms, told)))
                .then());
    }

    /** The thresholds the month's billable minutes have reached; none while nothing is available. */
    static List<Integer> reached(ContractTerms terms, HoursBalance balance) {
        BigDecimal available = balance.availableMinutes();
        if (available.signum() <= 0) {
            return List.of();
        }
        BigDecimal billable = BigDecimal.valueOf(balance.billableMinutes()).multiply(HUNDRED);
        return terms.alertThresholds().stream()
                .filter(threshold -> billable.compareTo(available.multiply(BigDecimal.valueOf(threshold))) >= 0)
                .toList();
    }

    private Mono<Void> tell(TenantId tenant, BrandId brand, YearMonth month, ContractTerms terms,
                            List<Integer> thresholds) {
        return teams.teams(tenant, List.of(brand)).flatMap(team -> members.currentStaffWithRole(tenant,
                        Role.AGENCY_ADMIN).flatMap(admins -> brands.names(tenant, Set.of(brand)).flatMap(names -> {
                    Map<UserId, String> recipients = new LinkedHashMap<>();
                    team.getOrDefault(brand, List.of()).stream()
                            .filter(member -> member.responsibility() == Responsibility.RESPONSIBLE)
                            .map(BrandAssignment::member)
                            .forEach(member -> recipients.put(member, "You are responsible for the brand."));
                    admins.stream().map(MemberContact::id).forEach(admin -> recipients.putIfAbsent(admin,
                            "You are an admin of the agency."));
                    String name = names.getOrDefault(brand, "A brand");
                    List<NewNotification> batch = thresholds.stream().flatMap(threshold -> recipients.entrySet()
                            .stream().map(recipient -> new NewNotification(recipient.getKey(), brand,
                                    NotificationTopic.HOURS_THRESHOLD,
                                    name + " has used " + threshold + " % of its hours for " + MONTH.format(month),
                                    "The billable hours tracked for " + name + " in " + MONTH.format(month)
                                            + " have reached " + threshold + " % of the hours its contract makes"
                                            + " available this month (planned plus carried over).",
                                    recipient.getValue(), new NewNotification.Reference(
                                    NewNotification.Reference.Type.CONTRACT, terms.contractId()), true)))
                            .toList();
                    return notifications.enqueue(tenant, batch);
                })));
    }
}
