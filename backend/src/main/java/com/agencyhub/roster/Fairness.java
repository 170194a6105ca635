package com.agencyhub.roster;

import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How evenly the unsocial load (duty outside normal working hours, on weekends and on holidays; see
 * {@link MemberWeekLoad#unsocialMinutes}) is spread over the agency's members once each member's load is divided by
 * their weekly capacity: the Gini coefficient of those figures, 0 when all are equal, {@code (n - 1) / n} when one of
 * {@code n} members carries it all. See docs/rosters.md, "Load and fairness", for the choice.
 *
 * @param shares the members in the order given
 */
public record Fairness(double gini, List<Share> shares) {

    /**
     * @param unsocialMinutesPerCapacityHour the member's unsocial minutes per hour of weekly capacity
     * @param share                          the member's part of the sum of those figures, 0–1; 0 for everyone when
     *                                       nobody has unsocial time
     */
    public record Share(UserId member, long unsocialMinutes, BigDecimal capacityHours,
                        double unsocialMinutesPerCapacityHour, double share) {
    }

    public Fairness {
        shares = List.copyOf(shares);
    }

    /**
     * The fairness among {@code members} (those with any duty or in any rotation; a member without a load counts with
     * none) over {@code loads}, summed per member: pass the same weeks for everyone. Every load must belong to one of
     * the members.
     */
    public static Fairness of(List<WorkerProfile> members, List<MemberWeekLoad> loads) {
        Map<UserId, Long> unsocial = new HashMap<>();
        members.forEach(member -> {
            if (unsocial.put(member.member(), 0L) != null) {
                throw new IllegalArgumentException("member listed twice: " + member.member());
            }
        });
        for (MemberWeekLoad load : loads) {
            if (!unsocial.containsKey(load.member())) {
                throw new IllegalArgumentException("load of a member not listed: " + load.member());
            }
            unsocial.merge(load.member(), load.unsocialMinutes(), Long::sum);
        }
        double[] figures = members.stream()
                .mapToDouble(member -> unsocial.get(member.member()) / member.capacityHours().doubleValue())
                .toArray();
        double total = ascendingSum(figures);
        List<Share> shares = IntStream.range(0, figures.length).mapToObj(i -> {
            WorkerProfile member = members.get(i);
            return new Share(member.member(), unsocial.get(member.member()), member.capacityHours(), figures[i],
                    total == 0 ? 0 : figures[i] / total);
        }).toList();
        return new Fairness(gini(figures), shares);
    }

    /**
     * The Gini coefficient of non-negative values, the mean absolute difference of all pairs over twice the mean:
     * {@code sum((2i - n - 1) x_i) / (n sum(x))} over the values sorted ascending, 1-based. The sum is taken in pairs
     * of the i-th smallest and i-th largest, so equal values give exactly 0 and the order of the input does not
     * matter.
     */
    private static double gini(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = ascendingSum(sorted);
        if (total == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < n / 2; i++) {
            weighted += (n - 1 - 2 * i) * (sorted[n - 1 - i] - sorted[i]);
        }
        return weighted / (n * total);
    }

    /** Summed smallest first, so the total does not depend on the order of the members. */
    private static double ascendingSum(double[] values) {
        return Arrays.stream(values).sorted().sum();
    }
}
