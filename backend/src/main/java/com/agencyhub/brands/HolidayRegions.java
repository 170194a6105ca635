package com.agencyhub.brands;

import com.agencyhub.shared.web.ApiProblem;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The holiday regions a brand may name: the countries of the Jollyday data set (ISO 3166-1) and their
 * first-level subdivisions as Jollyday keys them (mostly the ISO 3166-2 suffix, e.g. {@code DE-BY}).
 * A country's data is loaded on first use and kept.
 */
@Component
public class HolidayRegions {

    private final Set<String> countries = HolidayManager.getSupportedCalendarCodes().stream()
            .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    private final Map<String, Set<String>> subdivisions = new ConcurrentHashMap<>();

    public boolean isKnown(String region) {
        String[] parts = region.split("-", 2);
        String country = parts[0];
        if (!countries.contains(country)) {
            return false;
        }
        return parts.length == 1 || subdivisionsOf(country).contains(parts[1]);
    }

    /** The region in canonical form (upper case), or a 400 naming the field. */
    public String require(String field, String region) {
        return Optional.ofNullable(region).map(value -> value.toUpperCase(Locale.ROOT)).filter(this::isKnown)
                .orElseThrow(() -> ApiProblem.invalidField(field,
                        "is not a region of the holiday data set, such as DE or DE-BY", "holiday-region"));
    }

    private Set<String> subdivisionsOf(String country) {
        return subdivisions.computeIfAbsent(country, code -> HolidayManager
                .getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT)))
                .getCalendarHierarchy().getChildren().keySet().stream()
                .map(key -> key.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }
}
