package com.agencyhub.calendar.internal;

import com.agencyhub.calendar.CalendarFeed;
import com.agencyhub.members.MemberContact;
import com.agencyhub.roster.BrandTimeline;
import com.agencyhub.roster.MemberShifts;
import com.agencyhub.roster.RosterQuestions;
import com.agencyhub.roster.Segment;
import com.agencyhub.roster.Shift;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import com.agencyhub.shared.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A shift feed as iCalendar (docs/rosters.md, "Shift feeds"): the roster resolved when the feed is read, asked as the
 * feed's owner. A brand's feed shows who is on duty, and the gaps and empty shifts inside required windows; a staff
 * member's feed shows their shifts across brands.
 */
@Component
public class ShiftFeedDocument {

    /** Duty this long before the read and earlier is left out of a feed. */
    private static final Duration PAST = Duration.ofDays(7);
    /** Duty this far after the read and later is left out of a feed. */
    private static final Duration AHEAD = Duration.ofDays(90);

    private final RosterQuestions roster;

    public ShiftFeedDocument(RosterQuestions roster) {
        this.roster = roster;
    }

    /** One event of the feed: a stretch of one brand's roster. */
    private record Event(BrandId brand, Instant start, Instant end, String summary, String description) {
    }

    /**
     * The feed's duty from {@code now - PAST} to {@code now + AHEAD}, at most {@code maxEvents} events, the earliest
     * first; empty when the roster refuses the owner's question (the brand is gone, the member is no longer staff),
     * so that the feed answers like an unknown one.
     */
    public Mono<String> write(Actor owner, CalendarFeed feed, Instant now, int maxEvents) {
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        Mono<List<Event>> events = feed.brand() != null
                ? roster.timeline(owner, feed.brand(), from, to).map(ShiftFeedDocument::brandEvents)
                : roster.shifts(owner, feed.assignee(), from, to).map(ShiftFeedDocument::memberEvents);
        return events.onErrorResume(ApiProblem.class, refused -> Mono.empty())
                .map(found -> write(feed, found, now, maxEvents));
    }

    private static String write(CalendarFeed feed, List<Event> events, Instant now, int maxEvents) {
        ICalendarWriter ics = ICalendarWriter.feed(feed.label());
        events.stream().limit(maxEvents).forEach(event -> ics.begin("VEVENT")
                .value("UID", feed.id() + "-" + event.brand() + "-" + event.start().getEpochSecond() + "@agencyhub")
                .instant("DTSTAMP", now)
                .instant("DTSTART", event.start())
                .instant("DTEND", event.end())
                .text("SUMMARY", event.summary())
                .text("DESCRIPTION", event.description())
                .end("VEVENT"));
        return ics.end("VCALENDAR").toString();
    }

    /** Who is on duty, and the problems only: off time, and empty shifts nobody needs, are no events. */
    private static List<Event> brandEvents(BrandTimeline timeline) {
        BrandId brand = timeline.roster().brand().id();
        String brandName = timeline.roster().brand().name();
        Map<UserId, MemberContact> people = timeline.people();
        List<Event> events = new ArrayList<>();
        for (Segment segment : timeline.segments()) {
            switch (segment.status()) {
                case ON_DUTY -> events.add(new Event(brand, segment.start(), segment.end(),
                        brandName + ": " + name(segment.onDuty(), people) + standingIn(segment.reason(),
                                segment.scheduled(), people),
                        why(segment.reason(), segment.scheduled(), people)
                                + (segment.absence() == null ? "" : " (" + Slugs.of(segment.absence()) + ")")
                                + "\nDeputy chain: " + chain(segment.deputyChain(), people)));
                case GAP -> events.add(new Event(brand, segment.start(), segment.end(), "Gap",
                        "Monitoring is required and nobody is scheduled."));
                case EMPTY -> {
                    if (segment.required()) {
                        events.add(new Event(brand, segment.start(), segment.end(), "Empty shift",
                                name(segment.scheduled(), people) + " is away (" + Slugs.of(segment.absence())
                                        + ") and nobody can stand in."));
                    }
                }
                case OFF -> {
                }
            }
        }
        return events;
    }

    private static List<Event> memberEvents(MemberShifts shifts) {
        return shifts.shifts().stream().map(shift -> new Event(shift.brand().id(), shift.start(), shift.end(),
                        shift.brand().name() + standingIn(shift.reason(), shift.standingInFor(), shifts.people()),
                        why(shift.reason(), shift.standingInFor(), shifts.people())))
                .toList();
    }

    /** Whom a deputy stands in for, as a summary names it; nothing for anyone else. */
    private static String standingIn(Segment.Reason reason, UserId absent, Map<UserId, MemberContact> people) {
        return reason == Segment.Reason.DEPUTY ? " (standing in for " + name(absent, people) + ")" : "";
    }

    /** {@code Why: rotation}, {@code Why: override} or {@code Why: deputy for <the absent member>}. */
    private static String why(Segment.Reason reason, UserId absent, Map<UserId, MemberContact> people) {
        return "Why: " + Slugs.of(reason) + (reason == Segment.Reason.DEPUTY ? " for " + name(absent, people) : "");
    }

    private static String chain(List<UserId> deputies, Map<UserId, MemberContact> people) {
        return deputies.isEmpty() ? "none"
                : deputies.stream().map(deputy -> name(deputy, people)).collect(Collectors.joining(", "));
    }

    private static String name(UserId member, Map<UserId, MemberContact> people) {
        return people.get(member).displayName();
    }
}
