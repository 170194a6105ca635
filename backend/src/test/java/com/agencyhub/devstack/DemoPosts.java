package com.agencyhub.devstack;

import com.agencyhub.calendar.PostAction;
import com.agencyhub.calendar.PostFormat;
import com.agencyhub.calendar.PostPlan;
import com.agencyhub.calendar.PostQuery;
import com.agencyhub.calendar.PostVariant;
import com.agencyhub.calendar.Posts;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Alpenmilch's calendar for next week, unless it has posts then: a draft, one waiting for the agency's review and one
 * the agency approved that now waits for Julia, the client (Alpenmilch's guidelines want the client's approval and
 * she holds the permission), so the calendar shows every stage at first start.
 */
final class DemoPosts {

    private static final Logger log = LoggerFactory.getLogger(DemoPosts.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DemoPosts() {
    }

    static void plan(Posts posts, Actor system, BrandId alpenmilch, UserId jonas) {
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        PostQuery nextWeek = new PostQuery(monday.atStartOfDay(BERLIN).toInstant(),
                monday.plusWeeks(1).atStartOfDay(BERLIN).toInstant(), alpenmilch, null, false, null, null, null, null,
                null, null);
        if (!posts.list(system, nextWeek, 1, null).block(TIMEOUT).items().isEmpty()) {
            log.info("Demo posts of 'Alpenmilch' already there");
            return;
        }
        posts.create(system, alpenmilch, plan("Hay milk: why the cows' food matters", monday, "From the farm",
                jonas)).block(TIMEOUT);
        var inReview = posts.create(system, alpenmilch, plan("Recipe: Kaiserschmarrn with our cream",
                monday.plusDays(2), "Recipes", jonas)).block(TIMEOUT);
        posts.transition(system, inReview.id(), inReview.version(), PostAction.SUBMIT,
                new Posts.Comment("Ready for a look", false)).block(TIMEOUT);
        var approved = posts.create(system, alpenmilch, plan("Summer on the alp: behind the scenes",
                monday.plusDays(4), "From the farm", jonas)).block(TIMEOUT);
        var submitted = posts.transition(system, approved.id(), approved.version(), PostAction.SUBMIT,
                new Posts.Comment(null, false)).block(TIMEOUT);
        posts.transition(system, submitted.id(), submitted.version(), PostAction.APPROVE,
                new Posts.Comment("Lovely pictures, approved.", true)).block(TIMEOUT);
        log.info("Demo posts of 'Alpenmilch' planned for the week of {}", monday);
    }

    private static PostPlan plan(String title, LocalDate day, String pillar, UserId assignee) {
        return new PostPlan(title, "", List.of(new PostVariant("instagram", title, List.of(
                        URI.create("https://cdn.alpenmilch.example/demo/" + day + ".jpg")), PostFormat.POST)),
                pillar, day.atTime(LocalTime.of(11, 0)).atZone(BERLIN).toInstant(), assignee, List.of("demo"), null);
    }
}
