package com.agencyhub.calendar;

import java.util.Collection;

/**
 * Posts promised against posts planned, approved and published, with the deficit and surplus added up per platform
 * and week (a surplus on one platform never hides a deficit on another).
 */
public record AdherenceTotals(double promised, int planned, int approved, int published, double deficit,
                              double surplus) {

    public static final AdherenceTotals NONE = new AdherenceTotals(0, 0, 0, 0, 0, 0);

    /** One platform in one week. */
    public static AdherenceTotals of(double promised, int planned, int approved, int published) {
        return new AdherenceTotals(promised, planned, approved, published, Math.max(0, promised - planned),
                Math.max(0, planned - promised));
    }

    public static AdherenceTotals sum(Collection<AdherenceTotals> parts) {
        return parts.stream().reduce(NONE, AdherenceTotals::plus);
    }

    public AdherenceTotals plus(AdherenceTotals other) {
        return new AdherenceTotals(promised + other.promised, planned + other.planned, approved + other.approved,
                published + other.published, deficit + other.deficit, surplus + other.surplus);
    }
}
