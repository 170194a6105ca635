package com.agencyhub.roster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A sweep over items with half-open intervals: moved forward through time, it holds the positions (in the given list)
 * of the items whose interval contains the current instant. Each item enters and leaves once, so a whole sweep costs
 * {@code n log n}.
 */
final class ActiveIntervals<T> {

    private final List<T> items;
    private final Function<T, Instant> from;
    private final Function<T, Instant> to;
    private final int[] byStart;
    private final int[] byEnd;
    private final TreeSet<Integer> active = new TreeSet<>();
    private int started;
    private int ended;

    ActiveIntervals(List<T> items, Function<T, Instant> from, Function<T, Instant> to) {
        this.items = items;
        this.from = from;
        this.to = to;
        this.byStart = sortedBy(items, from);
        this.byEnd = sortedBy(items, to);
    }

    private static <T> int[] sortedBy(List<T> items, Function<T, Instant> key) {
        return IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing(index -> key.apply(items.get(index))))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The positions of the items containing {@code instant}; instants must not go backwards between calls. */
    NavigableSet<Integer> at(Instant instant) {
        while (started < byStart.length && !instantOf(byStart[started], true).isAfter(instant)) {
            active.add(byStart[started++]);
        }
        while (ended < byEnd.length && !instantOf(byEnd[ended], false).isAfter(instant)) {
            active.remove(byEnd[ended++]);
        }
        return active;
    }

    private Instant instantOf(int index, boolean start) {
        return start ? from.apply(items.get(index)) : to.apply(items.get(index));
    }
}
