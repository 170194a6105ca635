package com.agencyhub.shared.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The public holidays of a region of the Jollyday data set: a country ({@code DE}) or a country and one of its
 * subdivisions ({@code DE-BY}), as {@code brands.HolidayRegions} validates them. Only {@link HolidayType#PUBLIC_HOLIDAY}
 * counts (so 24 December is a working day in {@code DE}), on the date it is observed. Jollyday reads its data from the
 * classpath once per country; the dates of each year are computed once per region and kept.
 */
public final class RegionHolidays implements Holidays {

    private static final Map<String, RegionHolidays> REGIONS = new ConcurrentHashMap<>();

    private final HolidayManager manager;
    private final String[] subdivision;
    private final Map<Integer, Set<LocalDate>> years = new ConcurrentHashMap<>();

    private RegionHolidays(String region) {
        String[] parts = region.toLowerCase(Locale.ROOT).split("-", 2);
        this.manager = HolidayManager.getInstance(ManagerParameters.create(parts[0]));
        this.subdivision = parts.length == 2 ? new String[]{parts[1]} : new String[0];
    }

    /** The holidays of {@code region}, e.g. {@code DE-BY}; the region must be one the data set knows. */
    public static RegionHolidays of(String region) {
        return REGIONS.computeIfAbsent(region.toUpperCase(Locale.ROOT), RegionHolidays::new);
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return years.computeIfAbsent(date.getYear(), this::datesOf).contains(date);
    }

    /** A holiday observed on another day may move into the year before or after (1 January to 31 December). */
    private Set<LocalDate> datesOf(int year) {
        return IntStream.rangeClosed(year - 1, year + 1)
                .mapToObj(y -> manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, subdivision))
                .flatMap(Set::stream)
                .map(Holiday::getActualDate)
                .filter(date -> date.getYear() == year)
                .collect(Collectors.toUnmodifiableSet());
    }
}
