package com.agencyhub.roster;

import com.agencyhub.brands.BrandRef;
import com.agencyhub.members.MemberContact;
import com.agencyhub.members.Members;
import com.agencyhub.notifications.NewNotification;
import com.agencyhub.notifications.NotificationTopic;
import com.agencyhub.notifications.Notifications;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.TenantId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Tells members by e-mail when a roster write changed their duty (docs/notifications.md, "Roster changes"): one
 * {@code roster-change} notification per member and brand, enqueued in the write's transaction, listing the stretches
 * they gained and lost in the brand's zone. The member who made the write is not told about their own changes.
 */
@Component
class RosterChangeNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Notifications notifications;
    private final Members members;

    RosterChangeNotices(Notifications notifications, Members members) {
        this.notifications = notifications;
        this.members = members;
    }

    /** Enqueues the notices of {@code changes}, stored under {@code ids} (same order), in the ongoing transaction. */
    Mono<Void> enqueue(Actor actor, List<DutyChange> changes, List<UUID> ids, Map<BrandId, BrandRef> brands,
                       RosterChange.Cause cause) {
        Map<List<Object>, List<Integer>> byMemberAndBrand = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            DutyChange change = changes.get(i);
            if (!change.member().equals(actor.userId())) {
                byMemberAndBrand.computeIfAbsent(List.of(change.member(), change.brand()), key -> new ArrayList<>())
                        .add(i);
            }
        }
        if (byMemberAndBrand.isEmpty()) {
            return Mono.empty();
        }
        TenantId tenant = actor.requireTenant();
        return members.contacts(tenant, List.of(actor.userId())).flatMap(contacts -> {
            MemberContact writer = contacts.get(actor.userId());
            String who = writer != null ? writer.displayName()
                    : actor.displayName() != null ? actor.displayName() : actor.username();
            return notifications.enqueue(tenant, byMemberAndBrand.values().stream()
                    .map(indexes -> notice(who, indexes.stream().map(changes::get).toList(), ids.get(indexes.get(0)),
                            brands.get(changes.get(indexes.get(0)).brand()), cause))
                    .toList());
        });
    }

    private static NewNotification notice(String who, List<DutyChange> changes, UUID firstId, BrandRef brand,
                                          RosterChange.Cause cause) {
        UserId member = changes.get(0).member();
        StringBuilder text = new StringBuilder("Your monitoring duty for " + brand.name() + " changed (times in "
                + brand.zone().getId() + "):\n");
        for (DutyChange change : changes) {
            text.append(change.kind() == DutyChange.Kind.GAINED ? "- now on duty " : "- no longer on duty ")
                    .append(stretch(change.stretch(), brand.zone())).append('\n');
        }
        return new NewNotification(member, brand.id(), NotificationTopic.ROSTER_CHANGE,
                "Your duty for " + brand.name() + " changed", text.toString().strip(),
                "A roster change (" + Slugs.of(cause.kind()) + ") by " + who + " changed your duty.",
                new NewNotification.Reference(NewNotification.Reference.Type.ROSTER_CHANGE, firstId), true);
    }

    private static String stretch(Interval stretch, ZoneId zone) {
        return WHEN.format(stretch.from().atZone(zone)) + " – " + WHEN.format(stretch.to().atZone(zone));
    }
}
