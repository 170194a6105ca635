package com.agencyhub.roster;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;
import com.agencyhub.shared.calendar.WeeklyWindow;
import com.agencyhub.shared.calendar.WeeklyWindows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A layer of the roster: {@code members} take turns of {@code lengthDays} days, handing off at {@code handoff} local
 * time in {@code zone}, the first turn starting on {@code startDate}. Turns follow the local calendar, so a DST change
 * does not move a handoff; a handoff in a DST gap moves forward by the gap, an ambiguous one takes the earlier offset.
 * With a non-empty {@code restriction} the layer has a shift only inside those weekly windows (which may cross
 * midnight); where layers overlap the higher {@code priority} wins.
 */
public record Rotation(String id, int priority, List<UserId> members, int lengthDays, LocalTime handoff,
                       LocalDate startDate, ZoneId zone, List<WeeklyWindow> restriction, Set<BrandId> brands) {

    public Rotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(zone, "zone");
        members = List.copyOf(members);
        restriction = List.copyOf(restriction);
        brands = Set.copyOf(brands);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("rotation " + id + " needs at least one member");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("rotation " + id + " lists a member twice: " + members);
        }
        if (lengthDays < 1) {
            throw new IllegalArgumentException("rotation " + id + " needs a length of at least one day, not " + lengthDays);
        }
        List<WeeklyWindows.Problem> problems = WeeklyWindows.problems(restriction);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rotation " + id + " has an invalid restriction: " + problems);
        }
    }

    /** The instant turn {@code turn} begins (turn 0 on the start date). */
    Instant handoffOf(long turn) {
        return startDate.plusDays(turn * lengthDays).atTime(handoff).atZone(zone).toInstant();
    }

    /** The turn running at {@code instant}, or -1 before the first handoff. */
    long turnAt(Instant instant) {
        LocalDateTime first = startDate.atTime(handoff);
        long turn = Math.floorDiv(Duration.between(first, LocalDateTime.ofInstant(instant, zone)).getSeconds(),
                Duration.ofDays(lengthDays).getSeconds());
        // the local estimate may be one off around a DST change
        while (!handoffOf(turn + 1).isAfter(instant)) {
            turn++;
        }
        while (turn >= 0 && handoffOf(turn).isAfter(instant)) {
            turn--;
        }
        return Math.max(turn, -1);
    }

    /** The position in {@code members} of the one whose turn {@code turn} is. */
    int indexOf(long turn) {
        return (int) Math.floorMod(turn, (long) members.size());
    }
}
